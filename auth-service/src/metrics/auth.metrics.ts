import { Counter, Gauge, Histogram, type Registry } from '@paymesh/shared/metrics';
import { AppError, errors } from '@paymesh/shared/errors';
import type { PasswordHasher } from '../passwords/password-hasher.js';
import type { UsersService } from '../users/users.service.js';

/**
 * The hasher, timed and counted: bcrypt is this service's bottleneck, so how long a hash takes
 * and how many wait for a thread are what tells a login storm from a slow database. The queue
 * is what is in flight beyond the pool's threads.
 */
export function measuredHasher(hasher: PasswordHasher, registry: Registry, threads: number): PasswordHasher {
  let inFlight = 0;
  new Gauge({
    name: 'auth_hash_queue_depth',
    help: 'Password hashes waiting for a pool thread',
    registers: [registry],
    collect() {
      this.set(Math.max(0, inFlight - threads));
    },
  });
  const duration = new Histogram({
    name: 'auth_hash_duration_seconds',
    help: 'Time to hash or verify a password, queueing included',
    labelNames: ['op'] as const,
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const timed = async <T>(op: 'hash' | 'verify', work: () => Promise<T>): Promise<T> => {
    inFlight += 1;
    const stop = duration.startTimer({ op });
    try {
      return await work();
    } finally {
      inFlight -= 1;
      stop();
    }
  };
  return {
    ...hasher,
    hash: (password) => timed('hash', () => hasher.hash(password)),
    verify: (password, hash) => timed('verify', () => hasher.verify(password, hash)),
  };
}

/** Login outcomes: a rise in `invalid_credentials` is someone guessing, a rise in `busy` is the pool full. */
export function measuredUsers(users: UsersService, registry: Registry): UsersService {
  const logins = new Counter({
    name: 'auth_logins_total',
    help: 'Login attempts by outcome: success, invalid_credentials, busy or error',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  return {
    ...users,
    async login(credentials) {
      try {
        const session = await users.login(credentials);
        logins.inc({ outcome: 'success' });
        return session;
      } catch (err) {
        const code = err instanceof AppError ? err.code : undefined;
        logins.inc({ outcome: code === errors.INVALID_CREDENTIALS.code ? 'invalid_credentials' : code === errors.AUTH_BUSY.code ? 'busy' : 'error' });
        throw err;
      }
    },
  };
}
