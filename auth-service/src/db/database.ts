import type pg from 'pg';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import type { Logger } from '@paymesh/shared/logger';
import { openPool, type PostgresConnection, type PostgresLimits } from '@paymesh/shared/postgres';
import * as schema from './schema.js';

/** The typed query handle repositories take. */
export type Db = NodePgDatabase<typeof schema>;

/** What a service opens at start and closes at stop: the pool, its typed handle, how it connects. */
export interface Database {
  pool: pg.Pool;
  db: Db;
  /** How the pool connects (URL, keepalive, timeouts), for a connection opened outside it. */
  connection: PostgresConnection;
  close(): Promise<void>;
}

export function openDatabase(options: { url: string; poolMax: number; limits: PostgresLimits; logger: Logger }): Database {
  const { pool, connection } = openPool({ url: options.url, limits: options.limits, max: options.poolMax, logger: options.logger });
  const db = drizzle(pool, { schema });
  return { pool, db, connection, close: () => pool.end() };
}
