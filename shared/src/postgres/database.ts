import type pg from 'pg';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import type { Logger } from '../logger/index.js';
import { openPool } from './pool.js';
import type { PostgresConnection, PostgresLimits } from './session-limits.js';

/** What a service opens at start and closes at stop: the pool, its typed handle, how it connects. */
export interface Database<Schema extends Record<string, unknown>> {
  pool: pg.Pool;
  db: NodePgDatabase<Schema>;
  /** How the pool connects (URL, keepalive, timeouts), for a connection opened outside it. */
  connection: PostgresConnection;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  url: string;
  poolMax: number;
  limits: PostgresLimits;
  logger: Logger;
}

/** Every service with a database opens it so, over its own drizzle schema. */
export function openDatabase<Schema extends Record<string, unknown>>(schema: Schema, options: DatabaseOptions): Database<Schema> {
  const { pool, connection } = openPool({ url: options.url, limits: options.limits, max: options.poolMax, logger: options.logger });
  return { pool, db: drizzle(pool, { schema }), connection, close: () => pool.end() };
}

/**
 * Applies pending drizzle-kit migrations at start-up under an advisory lock, so two instances
 * starting together take turns. Each service names its own folder and lock id.
 */
export async function migrateDatabase(pool: pg.Pool, options: { migrationsFolder: string | undefined; lockId: number }): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [options.lockId]);
    try {
      if (!options.migrationsFolder) throw new Error('the drizzle migrations folder is missing beside this package');
      await migrate(drizzle(client), { migrationsFolder: options.migrationsFolder });
    } finally {
      await client.query('select pg_advisory_unlock($1)', [options.lockId]);
    }
  } finally {
    client.release();
  }
}
