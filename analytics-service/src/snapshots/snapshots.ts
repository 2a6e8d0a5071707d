import type { KafkaConnection, PartitionRange } from '@paymesh/shared/kafka';
import type { Logger } from '@paymesh/shared/logger';
import type { AnalyticsConfig } from '../config.js';
import type { StatsFold } from '../stats/stats.fold.js';
import { restoreFromSnapshot } from './snapshot.restore.js';
import { createSnapshotStore } from './snapshot.store.js';
import { startSnapshotWriter } from './snapshot.writer.js';

export interface Snapshots {
  /** Before the first fetch: loads the newest usable snapshot into the fold, if any. */
  restore: (ranges: Map<number, PartitionRange>) => Promise<void>;
  /** After each folded batch. */
  folded: () => void;
  /** Once the consumer has stopped: the final snapshot. */
  close: () => Promise<void>;
}

/** Reading and writing the fold's snapshots, as the service's configuration says. */
export function startSnapshots(config: AnalyticsConfig, fold: StatsFold, connection: KafkaConnection, logger: Logger): Snapshots | undefined {
  if (config.SNAPSHOTS === 'off') return undefined;
  const log = logger.child({ component: 'snapshots' });
  const store = createSnapshotStore({
    connection,
    topic: config.SNAPSHOT_TOPIC,
    sourceTopic: config.TRANSACTIONS_TOPIC,
    groupPrefix: `${config.ANALYTICS_GROUP_PREFIX}-snapshots`,
  });
  const about = { fold, topic: config.TRANSACTIONS_TOPIC, dedupeWindow: config.DEDUPE_WINDOW, store, logger: log };
  let partitions: number | undefined;
  const writer = startSnapshotWriter({
    ...about,
    partitions: () => partitions,
    intervalMs: config.SNAPSHOT_INTERVAL_MS,
    everyEvents: config.SNAPSHOT_EVERY_EVENTS,
  });
  return {
    async restore(ranges) {
      partitions = ranges.size;
      if (await restoreFromSnapshot(about, ranges)) writer.restored();
    },
    folded: writer.folded,
    close: writer.close,
  };
}
