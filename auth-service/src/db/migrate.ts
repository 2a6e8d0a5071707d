import { findUpSync } from 'find-up-simple';
import type pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';

// Run from source, this module is src/db/migrate.ts and the migrations are the package's drizzle/;
// bundled, it is part of dist/main.js and they are copied to dist/drizzle/. Walking up finds either.
const MIGRATIONS_FOLDER = findUpSync('drizzle', { cwd: new URL('.', import.meta.url), type: 'directory' });
// Any constant unique to this service; two instances starting together take turns migrating.
const MIGRATION_LOCK = 80_810_001;

/** Applies pending drizzle-kit migrations at start-up, one instance at a time. */
export async function migrateDatabase(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      if (!MIGRATIONS_FOLDER) throw new Error('the drizzle migrations folder is missing beside this package');
      await migrate(drizzle(client), { migrationsFolder: MIGRATIONS_FOLDER });
    } finally {
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}
