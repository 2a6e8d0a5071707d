import type { Logger } from '@paymesh/shared/logger';
import { transactionsTopic } from '@paymesh/shared/events';
import { ensureTopics, replayTopic, topicOffsetRanges, type KafkaConnection, type PartitionRange, type ReplayingConsumer } from '@paymesh/shared/kafka';
import type { FoldMetrics } from '../metrics/fold.metrics.js';
import type { StatsFold } from '../stats/stats.fold.js';
import type { ConsumerProgress } from './consumer.progress.js';

export interface TransactionsConsumerDeps {
  connection: KafkaConnection;
  topic: string;
  deadLetterTopic: string;
  groupPrefix: string;
  lagRefreshMs: number;
  fetchBytes: { perPartition: number; total: number };
  fold: StatsFold;
  progress: ConsumerProgress;
  logger: Logger;
  metrics?: FoldMetrics;
  /** Called after each folded batch: the SSE stream's cue. */
  onChange?: () => void;
  /** Before the first fetch, with the topic's offsets: may restore the fold from a snapshot. */
  restore?: (ranges: Map<number, PartitionRange>) => Promise<void>;
}

export interface TransactionsConsumer {
  stop(): Promise<void>;
}

/**
 * Feeds the topic into the fold, from where a restored snapshot ends or else from offset 0:
 * Kafka is the log of record and this instance's memory is a cache of it. The end offsets are
 * read before the first fetch, so readiness means "has seen everything that existed when it started".
 */
export function startTransactionsConsumer(deps: TransactionsConsumerDeps): TransactionsConsumer {
  const { connection, topic, fold, progress, logger } = deps;
  let replay: ReplayingConsumer | undefined;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;

  async function refreshEnds() {
    try {
      progress.endsSeen(await topicOffsetRanges(connection, topic));
    } catch (err) {
      logger.warn({ err }, 'could not read end offsets');
    }
    if (!stopped) timer = setTimeout(() => void refreshEnds(), deps.lagRefreshMs);
  }

  async function begin(): Promise<void> {
    try {
      // The dead-letter topic must exist before the first bad message: producers here never auto-create.
      await ensureTopics(connection, [{ name: deps.deadLetterTopic, partitions: 1 }]);
      const ranges = await topicOffsetRanges(connection, topic);
      // Until startedFrom, /ready stays 503: a restored snapshot is not yet the whole topic.
      await deps.restore?.(ranges);
      progress.startedFrom(ranges);
      if ([...ranges.values()].some((r) => r.low > 0)) {
        logger.warn({ topic }, 'the topic no longer starts at offset 0: retention deleted events, totals undercount');
      }
    } catch (err) {
      progress.statusChanged('crashed', err as Error);
      logger.error({ err }, 'could not reach the topic (end offsets, dead-letter topic); retrying');
      if (!stopped) timer = setTimeout(() => void begin(), deps.lagRefreshMs);
      return;
    }
    if (stopped) return;
    const replayStarted = Date.now();
    let announced = false;
    replay = replayTopic(connection, {
      topic,
      contract: transactionsTopic,
      groupPrefix: deps.groupPrefix,
      deadLetterTopic: deps.deadLetterTopic,
      position: fold.position,
      fetchBytes: deps.fetchBytes,
      onEvent: deps.metrics
        ? (event, partition, offset, headers) => deps.metrics!.observeFold(event, headers, () => fold.foldEvent(event, partition, offset))
        : fold.foldEvent,
      onRejected: (reason, partition, offset) => {
        if (fold.recordRejection(partition, offset)) deps.metrics?.rejected(reason);
      },
      onBatchEnd: (partition, highWatermark) => {
        progress.batchDone(partition, highWatermark);
        deps.onChange?.();
        if (!announced && progress.view().caught_up_to_start) {
          announced = true;
          const { rss, heapUsed } = process.memoryUsage();
          const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
          logger.info(
            { events: fold.totals.processed, replay_ms: Date.now() - replayStarted, rss_mb: mb(rss), heap_used_mb: mb(heapUsed) },
            'caught up with the topic as of start',
          );
        }
      },
      onStatus: (status, error) => {
        progress.statusChanged(status, error);
        logger.info({ status, err: error }, 'consumer status');
      },
    });
    timer = setTimeout(() => void refreshEnds(), deps.lagRefreshMs);
  }

  void begin();

  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await replay?.stop();
    },
  };
}
