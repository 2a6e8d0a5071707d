import { z } from 'zod';

const millis = (fallback: number) => z.coerce.number().int('must be a whole number of milliseconds').min(100).max(600_000).default(fallback);

/**
 * The limits every PostgreSQL connection of every service runs under, read from the same
 * variables in each service's config. Without them a hung client (a half-open socket, a stuck
 * await inside a transaction) keeps its row and advisory locks until the kernel gives up on
 * the socket, which can take hours; with them the server ends such a session within seconds.
 */
export const postgresLimitsSchema = {
  /** The longest one statement may run, lock waits included. */
  PG_STATEMENT_TIMEOUT_MS: millis(5_000),
  /** A session left idle inside an open transaction longer than this is ended, releasing its locks. */
  PG_IDLE_IN_TRANSACTION_TIMEOUT_MS: millis(15_000),
  /** The longest a whole transaction may stay open, busy or idle. */
  PG_TRANSACTION_TIMEOUT_MS: millis(20_000),
  /** Silence on a connection before TCP keepalive probes start, on our side and on the server's. */
  PG_KEEPALIVE_IDLE_MS: z.coerce.number().int().min(1_000).max(600_000).default(10_000),
};

export interface PostgresLimits {
  PG_STATEMENT_TIMEOUT_MS: number;
  PG_IDLE_IN_TRANSACTION_TIMEOUT_MS: number;
  PG_TRANSACTION_TIMEOUT_MS: number;
  PG_KEEPALIVE_IDLE_MS: number;
}

/** What a pg Pool or Client needs to reach the database under the limits; spread it into the constructor's options. */
export interface PostgresConnection {
  connectionString: string;
  keepAlive: true;
  keepAliveInitialDelayMillis: number;
  /** Sent at connection start-up, so the settings hold from the first statement and on every connection of a pool. */
  options: string;
}

// Probes sent by the server once a client has gone silent; each unanswered one waits this long.
const SERVER_KEEPALIVE_INTERVAL_SECONDS = 5;
const SERVER_KEEPALIVE_PROBES = 3;

/**
 * The URL's own `options` (a search_path, say) are kept and the limits added after them. They
 * must travel together: pg lets a URL's parameters override the constructor's, so limits given
 * beside a URL that has `options` would be silently dropped.
 */
export function postgresConnection(url: string, limits: PostgresLimits): PostgresConnection {
  const settings = {
    statement_timeout: limits.PG_STATEMENT_TIMEOUT_MS,
    idle_in_transaction_session_timeout: limits.PG_IDLE_IN_TRANSACTION_TIMEOUT_MS,
    transaction_timeout: limits.PG_TRANSACTION_TIMEOUT_MS,
    // The server-side keepalive notices a vanished client even while it holds no transaction.
    tcp_keepalives_idle: Math.ceil(limits.PG_KEEPALIVE_IDLE_MS / 1000),
    tcp_keepalives_interval: SERVER_KEEPALIVE_INTERVAL_SECONDS,
    tcp_keepalives_count: SERVER_KEEPALIVE_PROBES,
  };
  const ours = Object.entries(settings).map(([name, value]) => `-c ${name}=${value}`);
  const parsed = new URL(url);
  const theirs = parsed.searchParams.get('options');
  parsed.searchParams.delete('options');
  return {
    connectionString: parsed.toString(),
    keepAlive: true,
    keepAliveInitialDelayMillis: limits.PG_KEEPALIVE_IDLE_MS,
    options: [theirs, ...ours].filter(Boolean).join(' '),
  };
}
