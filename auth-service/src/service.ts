import { createTokenVerifier } from '@paymesh/shared/auth';
import { runningService, startHttpServer, type RunningService } from '@paymesh/shared/http';
import type { Logger } from '@paymesh/shared/logger';
import { createMetricsRegistry } from '@paymesh/shared/metrics';
import { buildApp } from './app.js';
import type { AuthConfig } from './config.js';
import { openDatabase } from './db/database.js';
import { migrateDatabase } from './db/migrate.js';
import { createKeyring } from './keys/keyring.js';
import { createKeysRepository } from './keys/keys.repository.js';
import { measuredHasher, measuredUsers } from './metrics/auth.metrics.js';
import { createPasswordHasher } from './passwords/password-hasher.js';
import { createTokenIssuer } from './tokens/token-issuer.js';
import { createUsersRepository } from './users/users.repository.js';
import { createUsersService } from './users/users.service.js';
import { credentialLimitSettings } from './users/credential-limits.js';

export async function startService(config: AuthConfig, logger: Logger): Promise<RunningService> {
  const database = openDatabase({ url: config.AUTH_DATABASE_URL, poolMax: config.DB_POOL_MAX, limits: config, logger });
  const { pool, db } = database;
  const registry = createMetricsRegistry();
  const threads = createPasswordHasher({
    cost: config.AUTH_BCRYPT_COST,
    workers: config.AUTH_HASH_WORKERS,
    maxQueue: config.AUTH_HASH_QUEUE_MAX,
    nice: config.AUTH_HASH_NICE,
  });
  const hasher = measuredHasher(threads, registry, config.AUTH_HASH_WORKERS);
  const keyring = createKeyring({
    repository: createKeysRepository(db),
    logger,
    keyMaxAgeMs: config.AUTH_KEY_MAX_AGE_HOURS * 3_600_000,
    tokenTtlMs: config.AUTH_TOKEN_TTL_SECONDS * 1000,
    refreshMs: config.AUTH_KEY_REFRESH_SECONDS * 1000,
  });
  try {
    await migrateDatabase(pool);
    await keyring.start();
    const users = measuredUsers(await createUsersService({
      users: createUsersRepository(db),
      hasher,
      tokens: createTokenIssuer({ keyring, ttlSeconds: config.AUTH_TOKEN_TTL_SECONDS }),
      logger,
    }), registry);
    // The service checks its own tokens with the same verifier as everyone else, minus the network.
    const verifier = createTokenVerifier({ publicKey: (kid) => keyring.publicKey(kid) });
    const app = buildApp({ logger, users, keyring, verifier, registry, readiness: { database: () => pool.query('select 1') }, limits: credentialLimitSettings(config) });
    const server = await startHttpServer(app, config.PORT, config.HOST);
    return runningService(server, async () => {
      keyring.stop();
      await Promise.all([hasher.close(), database.close()]);
    });
  } catch (err) {
    keyring.stop();
    await Promise.all([hasher.close(), database.close()]);
    throw err;
  }
}
