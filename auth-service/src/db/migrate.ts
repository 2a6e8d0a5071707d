import { findUpSync } from 'find-up-simple';
import type pg from 'pg';
import { migrateDatabase as migrateWithLock } from '@paymesh/shared/postgres';

// Run from source, this module is src/db/migrate.ts and the migrations are the package's drizzle/;
// bundled, it is part of dist/main.js and they are copied to dist/drizzle/. Walking up finds either.
const MIGRATIONS_FOLDER = findUpSync('drizzle', { cwd: new URL('.', import.meta.url), type: 'directory' });
// Any constant unique to this service: instances of it starting together take turns migrating.
const MIGRATION_LOCK = 80_810_001;

export const migrateDatabase = (pool: pg.Pool): Promise<void> => migrateWithLock(pool, { migrationsFolder: MIGRATIONS_FOLDER, lockId: MIGRATION_LOCK });
