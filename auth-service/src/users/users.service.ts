import { randomBytes } from 'node:crypto';
import { conflict, notFound, unauthorized } from '@paymesh/shared/errors';
import type { Logger } from '@paymesh/shared/logger';
import type { PasswordHasher } from '../passwords/password-hasher.js';
import type { TokenIssuer } from '../tokens/token-issuer.js';
import type { Credentials } from './credentials.js';
import type { UsersRepository } from './users.repository.js';

export interface UsersServiceDeps {
  users: UsersRepository;
  hasher: PasswordHasher;
  tokens: TokenIssuer;
  logger: Logger;
}

const badCredentials = () => unauthorized('The username or password is wrong', 'INVALID_CREDENTIALS');

export async function createUsersService({ users, hasher, tokens, logger }: UsersServiceDeps) {
  // An unknown username is checked against this hash, so it costs the same bcrypt time as a
  // wrong password and the response time does not tell which usernames exist.
  const dummyHash = await hasher.hash(randomBytes(16).toString('hex'));

  const session = (user: { id: string; username: string }) => ({
    id: user.id,
    username: user.username,
    token: tokens.issue(user),
  });

  return {
    async register({ username, password }: Credentials) {
      const user = await users.insertUser(username, await hasher.hash(password));
      if (!user) throw conflict('USERNAME_TAKEN', 'This username is already taken');
      return session(user);
    },

    async login({ username, password }: Credentials) {
      const user = await users.findByUsername(username);
      const matches = await hasher.verify(password, user?.passwordHash ?? dummyHash);
      if (!user || !matches) throw badCredentials();
      if (hasher.needsRehash(user.passwordHash)) {
        // The cost was raised since this hash was made: upgrade it now that we know the password.
        hasher
          .hash(password)
          .then((hash) => users.updatePasswordHash(user.id, hash))
          .catch((err: unknown) => logger.warn({ err, user_id: user.id }, 'could not upgrade a password hash'));
      }
      return session(user);
    },

    async profile(userId: string) {
      const user = await users.findById(userId);
      if (!user) throw notFound('This user no longer exists', 'USER_NOT_FOUND');
      return { id: user.id, username: user.username, created_at: user.createdAt.toISOString() };
    },
  };
}

export type UsersService = Awaited<ReturnType<typeof createUsersService>>;
