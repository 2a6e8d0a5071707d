import pg from 'pg';
import type { Logger } from '@paymesh/shared/logger';
import type { PostgresConnection } from '@paymesh/shared/postgres';

export interface CommitListener {
  stop(): Promise<void>;
}

export interface CommitListenerOptions {
  /** With keepalive and timeouts as on every other connection: a silently dead listener is noticed and replaced. */
  connection: PostgresConnection;
  /** Shown in pg_stat_activity, so an operator can tell which relay a connection belongs to. */
  applicationName: string;
  channel: string;
  logger: Logger;
  onNotify(payload: string): void;
  /** Called after every (re)connection: notifications sent while we were away are lost, so look anyway. */
  onConnected(): void;
}

/**
 * LISTENs on its own connection (a pooled one could be handed to someone else) and reconnects
 * with backoff when the connection drops; the relay's slow poll covers the gap.
 */
export function listenForCommits(options: CommitListenerOptions): CommitListener {
  const { logger } = options;
  let client: pg.Client | undefined;
  let stopped = false;
  let retryMs = 250;
  let retryTimer: NodeJS.Timeout | undefined;

  const scheduleReconnect = () => {
    if (stopped || retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      void connect();
    }, retryMs);
    retryMs = Math.min(retryMs * 2, 5000);
  };

  async function connect() {
    const candidate = new pg.Client({
      ...options.connection,
      application_name: options.applicationName.slice(0, 63),
    });
    candidate.on('notification', (message) => {
      if (message.channel === options.channel) options.onNotify(message.payload ?? '');
    });
    candidate.on('error', (err) => {
      logger.warn({ err }, 'outbox listener connection failed');
      candidate.end().catch(() => undefined);
      if (client === candidate) client = undefined;
      scheduleReconnect();
    });
    try {
      await candidate.connect();
      await candidate.query(`listen ${options.channel}`);
    } catch (err) {
      logger.warn({ err }, 'outbox listener could not connect');
      await candidate.end().catch(() => undefined);
      scheduleReconnect();
      return;
    }
    if (stopped) {
      await candidate.end();
      return;
    }
    client = candidate;
    retryMs = 250;
    options.onConnected();
  }

  void connect();
  return {
    async stop() {
      stopped = true;
      clearTimeout(retryTimer);
      await client?.end().catch(() => undefined);
    },
  };
}
