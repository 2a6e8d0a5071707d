import { randomBytes } from 'node:crypto';
import { AppError, errors } from '@paymesh/shared/errors';
import type { Logger } from '@paymesh/shared/logger';
import type { PasswordHasher } from '../passwords/password-hasher.js';
import { normalisePassword, passwordCandidates } from '../passwords/password-forms.js';
import type { TokenIssuer } from '../tokens/token-issuer.js';
import type { Credentials } from '@paymesh/contract/auth';
import { meetsNewPasswordRules } from './credentials.js';
import type { UsersRepository } from './users.repository.js';

export interface UsersServiceDeps {
  users: UsersRepository;
  hasher: PasswordHasher;
  tokens: TokenIssuer;
  logger: Logger;
}

const badCredentials = () => new AppError(errors.INVALID_CREDENTIALS);

export async function createUsersService({ users, hasher, tokens, logger }: UsersServiceDeps) {
  // An unknown username is checked against this hash, with the same candidates (one or two,
  // decided by the input alone) as a wrong password, so it costs the same bcrypt time and the
  // response time does not tell which usernames exist.
  const dummyHash = await hasher.hash(randomBytes(16).toString('hex'));

  /** The form of the password that matches the hash, trying every candidate only while none has. */
  async function firstMatch(typed: string, hash: string): Promise<string | undefined> {
    for (const candidate of passwordCandidates(typed)) {
      if (await hasher.verify(candidate, hash)) return candidate;
    }
    return undefined;
  }

  const session = (user: { id: string; username: string }) => ({
    id: user.id,
    username: user.username,
    token: tokens.issue(user),
  });

  return {
    async register({ username, password }: Credentials) {
      const user = await users.insertUser(username, await hasher.hash(normalisePassword(password)));
      if (!user) throw new AppError(errors.USERNAME_TAKEN);
      return session(user);
    },

    async login({ username, password }: Credentials) {
      const user = await users.findByUsername(username);
      const matched = await firstMatch(password, user?.passwordHash ?? dummyHash);
      if (!user || matched === undefined) throw badCredentials();
      const normalised = normalisePassword(password);
      // A hash made before normalisation (matched as typed) or at another cost is redone now that
      // we know the password; as typed, only if the normal form itself meets today's rules.
      const upgrade = matched === normalised ? hasher.needsRehash(user.passwordHash) : meetsNewPasswordRules(password);
      if (upgrade) {
        hasher
          .hash(normalised)
          .then((hash) => users.updatePasswordHash(user.id, hash))
          .catch((err: unknown) => logger.warn({ err, user_id: user.id }, 'could not upgrade a password hash'));
      }
      return session(user);
    },

    async profile(userId: string) {
      const user = await users.findById(userId);
      if (!user) throw new AppError(errors.USER_NOT_FOUND);
      return { id: user.id, username: user.username, created_at: user.createdAt.toISOString() };
    },
  };
}

export type UsersService = Awaited<ReturnType<typeof createUsersService>>;
