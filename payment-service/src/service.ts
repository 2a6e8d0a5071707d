import { createTokenVerifier } from '@paymesh/shared/auth';
import { runningService, startHttpServer, type RunningService } from '@paymesh/shared/http';
import { pingKafka } from '@paymesh/shared/kafka';
import type { Logger } from '@paymesh/shared/logger';
import { createMetricsRegistry } from '@paymesh/shared/metrics';
import { buildApp } from './app.js';
import type { PaymentConfig } from './config.js';
import { openDatabase } from './db/database.js';
import { migrateDatabase } from './db/migrate.js';
import { startSweeper } from './housekeeping/sweeper.js';
import { createPaymentMetrics } from './metrics/payment.metrics.js';
import { createIdempotency } from './idempotency/idempotency.service.js';
import { startOutboxRelay } from './outbox/outbox.relay.js';
import { createTransactionsService } from './transactions/transactions.service.js';

/**
 * Shares one in-flight check between concurrent callers: while the broker is away a ping keeps
 * retrying well past the readiness timeout, and probes every few seconds must not pile them up.
 */
function singleFlight(check: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => {
    running ??= check().finally(() => {
      running = undefined;
    });
    return running;
  };
}

/** Wires the clients, the app and the relay, and listens. Kafka may be away at start: the relay waits for it. */
export async function startService(config: PaymentConfig, logger: Logger): Promise<RunningService> {
  const database = openDatabase({ url: config.PAYMENT_DATABASE_URL, poolMax: config.DB_POOL_MAX, limits: config, logger });
  await migrateDatabase(database.pool);
  const { db } = database;
  const kafka = { brokers: config.KAFKA_BROKERS, clientId: 'payment-service', logger };
  const registry = createMetricsRegistry();
  const metrics = createPaymentMetrics(registry, { pool: database.pool, topic: config.TRANSACTIONS_TOPIC });

  const app = buildApp({
    logger,
    registry,
    metrics,
    outbox: { pool: database.pool, topic: config.TRANSACTIONS_TOPIC },
    verifier: createTokenVerifier({
      jwksUrl: config.AUTH_JWKS_URL,
      cache: { maxEntries: config.TOKEN_CACHE_SIZE, ttlMs: config.TOKEN_CACHE_TTL_MS },
    }),
    transactions: createTransactionsService({
      db,
      idempotency: createIdempotency({ db, ttlHours: config.IDEMPOTENCY_TTL_HOURS, leaseSeconds: config.IDEMPOTENCY_LEASE_SECONDS }),
      topic: config.TRANSACTIONS_TOPIC,
      maxUserTotalCents: config.MAX_USER_TOTAL,
      metrics,
    }),
    readiness: {
      database: () => database.pool.query('select 1'),
      kafka: singleFlight(() => pingKafka(kafka)),
    },
  });
  const relay = startOutboxRelay({
    db,
    connection: database.connection,
    kafka,
    topic: config.TRANSACTIONS_TOPIC,
    pollIntervalMs: config.OUTBOX_POLL_INTERVAL_MS,
    publishTimeoutMs: config.OUTBOX_PUBLISH_TIMEOUT_MS,
    logger,
    metrics: metrics.relay,
  });
  const sweeper = startSweeper({
    db,
    idempotencyTtlHours: config.IDEMPOTENCY_TTL_HOURS,
    outboxRetentionHours: config.OUTBOX_RETENTION_HOURS,
    logger,
  });
  const server = await startHttpServer(app, config.PORT, config.HOST);

  return runningService(server, async () => {
    sweeper.stop();
    await relay.stop();
    await database.close();
  });
}
