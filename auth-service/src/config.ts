import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { host, loadConfig, logLevel, port, postgresUrl } from '@paymesh/shared/config';
import { postgresLimitsSchema } from '@paymesh/shared/postgres';

const positiveNumber = (fallback: number) => z.coerce.number().positive().default(fallback);

const schema = z.object({
  PORT: port(8081),
  HOST: host(),
  LOG_LEVEL: logLevel(),
  AUTH_DATABASE_URL: postgresUrl('postgres://auth:auth@localhost:5432/auth'),
  DB_POOL_MAX: z.coerce.number().int().positive().default(10),
  ...postgresLimitsSchema,
  // 10 costs roughly 50-100 ms of CPU per hash in bcryptjs: slow for an attacker, bearable for a login.
  AUTH_BCRYPT_COST: z.coerce.number().int().min(4).max(15).default(10),
  // bcrypt always runs on these threads, never on the event loop, where a login burst would stall every request.
  AUTH_HASH_WORKERS: z.coerce.number().int().min(1).max(64).default(Math.max(1, availableParallelism())),
  // Niceness of the hash threads, so this service's own event loop goes first during a login storm.
  // It ranks threads within one session only; other services are shielded by sessions of their own.
  AUTH_HASH_NICE: z.coerce.number().int().min(0).max(19).default(10),
  // Beyond this many waiting hashes, a login gets 503 rather than queueing without bound.
  AUTH_HASH_QUEUE_MAX: z.coerce.number().int().positive().default(512),
  AUTH_TOKEN_TTL_SECONDS: z.coerce.number().int().positive().default(3600),
  AUTH_KEY_MAX_AGE_HOURS: positiveNumber(30 * 24),
  AUTH_KEY_REFRESH_SECONDS: positiveNumber(30),
  // Login and register limits, the same rule and variables as the gateway's; 0 turns one off.
  RATE_LIMIT_WINDOW_MS: z.coerce.number().int().positive().default(60_000),
  RATE_LIMIT_LOGIN_PER_IP: z.coerce.number().int().min(0).default(10),
  RATE_LIMIT_LOGIN_PER_USERNAME: z.coerce.number().int().min(0).default(5),
  RATE_LIMIT_REGISTER_PER_IP: z.coerce.number().int().min(0).default(10),
});

export type AuthConfig = z.infer<typeof schema>;

export function loadAuthConfig(env: NodeJS.ProcessEnv = process.env): AuthConfig {
  return loadConfig(schema, env);
}
