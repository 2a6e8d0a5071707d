import { createLogger } from '@paymesh/shared/logger';
import { loadAuthConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { migrateDatabase } from '../db/migrate.js';
import { createKeysRepository } from '../keys/keys.repository.js';
import { generateSigningKey } from '../keys/signing-key.js';

/**
 * `npm run rotate-key -w @paymesh/auth-service`: adds a new signing key now. Running instances
 * publish it at their next key refresh and sign with it two refreshes later; tokens signed
 * with the old key stay valid until they expire.
 */
const config = loadAuthConfig();
const logger = createLogger('rotate-key', config.LOG_LEVEL);
const database = openDatabase({ url: config.AUTH_DATABASE_URL, poolMax: 1, limits: config, logger });
try {
  await migrateDatabase(database.pool);
  const added = await createKeysRepository(database.db).addKeyIf(() => true, generateSigningKey);
  logger.info({ kid: added?.kid }, 'added a new signing key');
} finally {
  await database.close();
}
