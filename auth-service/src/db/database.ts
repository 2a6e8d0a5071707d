import { findUpSync } from 'find-up-simple';
import pg from 'pg';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import type { Logger } from '@paymesh/shared/logger';
import { openPool, type PostgresLimits } from '@paymesh/shared/postgres';
import * as schema from './schema.js';

export type Database = NodePgDatabase<typeof schema>;

// Run from source, this module is src/db/database.ts and the migrations are the package's drizzle/;
// bundled, it is part of dist/main.js and they are copied to dist/drizzle/. Walking up finds either.
const MIGRATIONS_FOLDER = findUpSync('drizzle', { cwd: new URL('.', import.meta.url), type: 'directory' });
// Any constant unique to this service; two instances starting together take turns migrating.
const MIGRATION_LOCK_ID = 80_810_001;

export function createDatabase(url: string, limits: PostgresLimits, logger: Logger): { pool: pg.Pool; db: Database } {
  const { pool } = openPool({ url, limits, max: 10, logger });
  return { pool, db: drizzle(pool, { schema }) };
}

/** Applies pending migrations under an advisory lock, so concurrent starts never race. */
export async function migrateDatabase(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
    if (!MIGRATIONS_FOLDER) throw new Error('the drizzle migrations folder is missing beside this package');
    await migrate(drizzle(client), { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]).catch(() => undefined);
    client.release();
  }
}
