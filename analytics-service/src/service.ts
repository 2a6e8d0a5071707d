import { createTokenVerifier } from '@paymesh/shared/auth';
import { startHttpServer, type RunningService } from '@paymesh/shared/http';
import type { KafkaConnection } from '@paymesh/shared/kafka';
import type { Logger } from '@paymesh/shared/logger';
import { createMetricsRegistry } from '@paymesh/shared/metrics';
import { buildApp } from './app.js';
import type { AnalyticsConfig } from './config.js';
import { createConsumerProgress } from './consumer/consumer.progress.js';
import { startTransactionsConsumer } from './consumer/transactions.consumer.js';
import { measuredProgress } from './metrics/consumer-progress.metrics.js';
import { createFoldMetrics } from './metrics/fold.metrics.js';
import { measureOpenStreams } from './metrics/stream.metrics.js';
import { createStatsFold } from './stats/stats.fold.js';
import { createStatsSnapshot } from './stats/stats.snapshot.js';
import { createStatsStream } from './stats/stats.stream.js';
import { startSnapshots } from './snapshots/snapshots.js';

/**
 * Wires the fold, its snapshots, the consumer and the HTTP API, and listens at once: `/ready`
 * says 503 until the snapshot is loaded and the rest of the topic folded, so the port is not a
 * promise of numbers.
 */
export async function startService(config: AnalyticsConfig, logger: Logger): Promise<RunningService> {
  const connection: KafkaConnection = { brokers: config.KAFKA_BROKERS, clientId: 'analytics-service', logger };
  const fold = createStatsFold({ dedupeWindow: config.DEDUPE_WINDOW });
  const registry = createMetricsRegistry();
  const progress = measuredProgress(
    createConsumerProgress({
      position: fold.position,
      stallTimeoutMs: config.STALL_TIMEOUT_MS,
      brokerSilenceMs: Math.max(3 * config.LAG_REFRESH_MS, 15_000),
    }),
    registry,
    fold.position,
  );
  const snapshot = createStatsSnapshot(fold, progress);
  const stream = createStatsStream(snapshot, {
    minIntervalMs: config.STREAM_MIN_INTERVAL_MS,
    maxPerClient: config.STREAM_MAX_PER_CLIENT,
    maxTotal: config.STREAM_MAX_TOTAL,
  });
  measureOpenStreams(registry, stream.open);
  const snapshots = startSnapshots(config, fold, connection, logger);
  const consumer = startTransactionsConsumer({
    connection,
    topic: config.TRANSACTIONS_TOPIC,
    deadLetterTopic: config.DLQ_TOPIC,
    groupPrefix: config.ANALYTICS_GROUP_PREFIX,
    lagRefreshMs: config.LAG_REFRESH_MS,
    fetchBytes: { perPartition: config.FETCH_PARTITION_BYTES, total: config.FETCH_MAX_BYTES },
    fold,
    progress,
    logger,
    metrics: createFoldMetrics(registry, progress.live, logger),
    onChange: () => {
      stream.changed();
      snapshots?.folded();
    },
    restore: snapshots?.restore,
  });
  const verifier = createTokenVerifier({ jwksUrl: config.AUTH_JWKS_URL });
  const app = buildApp({ logger, fold, progress, snapshot, stream, verifier, registry, streamIntervalMs: config.STREAM_INTERVAL_MS });
  const server = await startHttpServer(app, config.PORT, config.HOST);

  return {
    url: server.url,
    port: server.port,
    async stop() {
      stream.close();
      await server.close();
      await consumer.stop();
      // After the consumer stopped, so the last snapshot covers everything this instance folded.
      await snapshots?.close();
    },
  };
}
