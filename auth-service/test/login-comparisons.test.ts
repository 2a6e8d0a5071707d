import { expect } from 'chai';
import { createLogger } from '@paymesh/shared/logger';
import { loadAuthConfig } from '../src/config.js';
import { openDatabase, type Database } from '../src/db/database.js';
import { createPasswordHasher, type PasswordHasher } from '../src/passwords/password-hasher.js';
import { createUsersRepository } from '../src/users/users.repository.js';
import { createUsersService, type UsersService } from '../src/users/users.service.js';
import { uniqueUsername } from './support/factories.js';

/**
 * How many bcrypt comparisons a failed login costs is what its response time reveals. The real
 * hasher and database, with the comparisons counted: an unknown username must cost exactly what
 * a wrong password for a real one costs, in either normalisation form.
 */
describe('login comparisons do not depend on whether the username exists', () => {
  const logger = createLogger('test', 'silent');
  let database: Database;
  let hasher: PasswordHasher;
  let users: UsersService;
  let comparisons = 0;

  before(async () => {
    const config = loadAuthConfig({ ...process.env });
    database = openDatabase({ url: config.AUTH_DATABASE_URL, poolMax: 2, limits: config, logger });
    const real = createPasswordHasher({ cost: 4, workers: 1, maxQueue: 10, nice: 0 });
    hasher = {
      ...real,
      verify: (password, hash) => {
        comparisons++;
        return real.verify(password, hash);
      },
    };
    const tokens = { issue: () => 'not a token: this test reads no tokens' };
    users = await createUsersService({ users: createUsersRepository(database.db), hasher, tokens, logger });
  });
  after(async () => {
    await hasher.close();
    await database.close();
  });

  const comparisonsFor = async (username: string, password: string) => {
    comparisons = 0;
    await users.login({ username, password }).catch(() => undefined);
    return comparisons;
  };

  for (const [form, typed, expected] of [
    ['NFC', 'wrong-pässword', 1],
    ['NFD', 'wrong-pässword'.normalize('NFD'), 2],
    ['plain ASCII', 'wrong-password', 1],
  ] as const) {
    it(`a wrong password typed in ${form} costs ${expected} comparison(s), for a real user and an unknown one alike`, async () => {
      const existing = uniqueUsername();
      await users.register({ username: existing, password: 'the-real-pässword' });

      const forExisting = await comparisonsFor(existing, typed);
      const forUnknown = await comparisonsFor(uniqueUsername('nobody'), typed);

      expect(forExisting).to.equal(expected);
      expect(forUnknown).to.equal(expected);
    });
  }
});
