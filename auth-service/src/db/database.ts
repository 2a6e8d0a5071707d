import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import type { Logger } from '@paymesh/shared/logger';
import { postgresConnection, type PostgresLimits } from '@paymesh/shared/postgres';
import * as schema from './schema.js';

export type Database = NodePgDatabase<typeof schema>;

const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../drizzle', import.meta.url));
// Any constant unique to this service; two instances starting together take turns migrating.
const MIGRATION_LOCK_ID = 80_810_001;

export function createDatabase(url: string, limits: PostgresLimits, logger: Logger): { pool: pg.Pool; db: Database } {
  const pool = new pg.Pool({ ...postgresConnection(url, limits), max: 10 });
  // An idle connection the server drops is reported here; unhandled, it would crash the process.
  pool.on('error', (err) => logger.warn({ err }, 'an idle database connection failed'));
  return { pool, db: drizzle(pool, { schema }) };
}

/** Applies pending migrations under an advisory lock, so concurrent starts never race. */
export async function migrateDatabase(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
    await migrate(drizzle(client), { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]).catch(() => undefined);
    client.release();
  }
}
