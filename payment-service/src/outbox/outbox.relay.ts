import { transactionsTopic } from '@paymesh/shared/events';
import { createPublisher, type KafkaConnection, type Publisher } from '@paymesh/shared/kafka';
import type { Logger } from '@paymesh/shared/logger';
import type { PostgresConnection } from '@paymesh/shared/postgres';
import type { Db } from '../db/database.js';
import { listenForCommits } from './commit-listener.js';
import { markSent, OUTBOX_CHANNEL, tryLockRelay, unsentBatch, type OutboxRow } from './outbox.repository.js';
import { within } from './within.js';

const BATCH_SIZE = 200;

/** The request's trace rides on the message, so the consumer's span joins it. */
const traceHeaders = (row: OutboxRow) => (row.traceparent ? { traceparent: row.traceparent } : undefined);
const MAX_BACKOFF_MS = 5000;

/** Optional probes of the relay: publish time, batch size and failed passes. */
export interface RelayMetrics {
  publishTimer(): () => void;
  batchPublished(rows: number): void;
  failed(): void;
}

export interface OutboxRelayDeps {
  db: Db;
  /** How the pool connects, for the listener's own connection. */
  connection: PostgresConnection;
  kafka: KafkaConnection;
  topic: string;
  pollIntervalMs: number;
  /**
   * kafkajs retries an unreachable broker for about a minute; the relay gives up sooner so the
   * transaction and the relay lock are not held that long, and starts over with a fresh producer.
   * Shorter than PostgreSQL's idle-in-transaction timeout, which ends a holder that hung.
   */
  publishTimeoutMs: number;
  logger: Logger;
  metrics?: RelayMetrics;
}

export interface OutboxRelay {
  stop(): Promise<void>;
}

/**
 * Publishes the outbox of `topic` to Kafka. Woken by the NOTIFY of each commit (a slow poll
 * only covers lost notifications); on any failure it rolls back, so rows stay unsent, and
 * retries with backoff for as long as Kafka is away. Rows are marked sent in the same
 * transaction that holds the relay lock, and only after every in-sync replica acknowledged.
 */
export function startOutboxRelay(deps: OutboxRelayDeps): OutboxRelay {
  const logger = deps.logger.child({ component: 'outbox-relay' });
  let publisher: Publisher | undefined;
  let draining: Promise<void> | undefined;
  let again = false;
  let stopped = false;
  let backoffMs = 0;
  let retryTimer: NodeJS.Timeout | undefined;

  async function connectPublisher(): Promise<Publisher> {
    const connecting = createPublisher(deps.kafka);
    try {
      return await within(deps.publishTimeoutMs, connecting);
    } catch (err) {
      // It may still connect after we gave up on it: close it then, so no producer leaks.
      connecting.then((late) => late.disconnect(), () => undefined).catch(() => undefined);
      throw err;
    }
  }

  /** Publishes one batch; true when the batch was full and more rows may be waiting. */
  async function relayBatch(): Promise<boolean> {
    // Connect before opening the transaction, so a broker that is away does not hold a lock and a connection.
    publisher ??= await connectPublisher();
    const connected = publisher;
    return deps.db.transaction(async (tx) => {
      if (!(await tryLockRelay(tx, deps.topic))) return false;
      const rows = await unsentBatch(tx, deps.topic, BATCH_SIZE);
      if (rows.length === 0) return false;
      const published = deps.metrics?.publishTimer();
      await within(deps.publishTimeoutMs, connected.publish(deps.topic, transactionsTopic, rows.map((row) => row.payload), rows.map(traceHeaders)));
      published?.();
      deps.metrics?.batchPublished(rows.length);
      await markSent(tx, rows.map((row) => row.id));
      return rows.length === BATCH_SIZE;
    });
  }

  async function drain() {
    try {
      do {
        again = false;
        while (!stopped && (await relayBatch()));
      } while (again && !stopped);
      backoffMs = 0;
    } catch (err) {
      deps.metrics?.failed();
      backoffMs = Math.min(backoffMs === 0 ? 250 : backoffMs * 2, MAX_BACKOFF_MS);
      logger.warn({ err, retry_in_ms: backoffMs }, 'outbox relay failed; rows stay unsent and will be retried');
      // A fresh producer after a failure: the old one may be stuck with a broken connection or sequence.
      const broken = publisher;
      publisher = undefined;
      await broken?.disconnect().catch(() => undefined);
      if (!stopped) {
        retryTimer = setTimeout(() => {
          retryTimer = undefined;
          wake();
        }, backoffMs);
      }
    }
  }

  function wake() {
    if (stopped) return;
    if (draining) {
      again = true; // the running pass looks once more before it ends
      return;
    }
    if (retryTimer) return; // backing off: the retry will pick these rows up
    draining = drain().finally(() => {
      draining = undefined;
    });
  }

  const listener = listenForCommits({
    connection: deps.connection,
    applicationName: `outbox-relay:${deps.topic}`,
    channel: OUTBOX_CHANNEL,
    logger,
    onNotify: (topic) => {
      if (topic === deps.topic) wake();
    },
    onConnected: wake,
  });
  const poll = setInterval(wake, deps.pollIntervalMs);

  return {
    async stop() {
      stopped = true;
      clearInterval(poll);
      clearTimeout(retryTimer);
      await listener.stop();
      await draining;
      await publisher?.disconnect().catch(() => undefined);
    },
  };
}
