import pg from 'pg';
import type { Logger } from '../logger/index.js';
import { postgresConnection, type PostgresConnection, type PostgresLimits } from './session-limits.js';

export interface PoolOptions {
  url: string;
  limits: PostgresLimits;
  max: number;
  logger: Logger;
  /** How long a request may wait for a connection before it fails (and answers 503). */
  connectionTimeoutMillis?: number;
}

/**
 * The one way a service opens its PostgreSQL pool: every connection under the session limits,
 * and no lost connection able to crash the process. pg's pool listens for errors only on idle
 * clients; a client that is checked out (say, held by a transaction waiting on Kafka) and loses
 * its connection emits an 'error' nobody hears, and an unheard 'error' ends a Node process.
 * The query in flight, if any, still fails on its own and reaches the caller.
 */
export function openPool(options: PoolOptions): { pool: pg.Pool; connection: PostgresConnection } {
  const connection = postgresConnection(options.url, options.limits);
  const pool = new pg.Pool({ ...connection, max: options.max, connectionTimeoutMillis: options.connectionTimeoutMillis ?? 5000 });
  pool.on('error', (err) => options.logger.warn({ err }, 'an idle database connection failed'));
  pool.on('connect', (client) => {
    client.on('error', (err) => options.logger.warn({ err }, 'a database connection in use failed'));
  });
  return { pool, connection };
}
