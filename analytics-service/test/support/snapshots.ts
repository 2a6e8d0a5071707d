import { topicOffsetRanges } from '@paymesh/shared/kafka';
import { encodeSnapshot, takeSnapshot, type Snapshot } from '../../src/snapshots/snapshot.codec.js';
import { createSnapshotStore, type SnapshotStore } from '../../src/snapshots/snapshot.store.js';
import type { FoldImage } from '../../src/stats/stats.fold-image.js';
import { connection } from './kafka.js';

/** The store the service uses for `topic` by default, opened from the test's side. */
export function snapshotStoreOf(topic: string): SnapshotStore {
  return createSnapshotStore({ connection: connection(), topic: `${topic}.analytics-snapshots`, sourceTopic: topic, groupPrefix: 'analytics-test-snapshots' });
}

/** Writes `bytes` as the newest snapshot of `topic`, as a service would. */
export async function storeSnapshot(topic: string, bytes: Buffer): Promise<void> {
  const store = snapshotStoreOf(topic);
  try {
    await store.save(bytes);
  } finally {
    await store.close();
  }
}

/**
 * A snapshot claiming `totals` for everything now on `topic`: a restart that shows these numbers
 * plus only what was published afterwards has read the snapshot and folded just the tail.
 */
export async function claimedSnapshot(topic: string, totals: Partial<FoldImage['totals']>, overrides: Partial<Snapshot> = {}): Promise<Snapshot> {
  const ranges = await topicOffsetRanges(connection(), topic);
  const positions = [...ranges.keys()].sort((a, b) => a - b).map((p) => ranges.get(p)!.high);
  const image: FoldImage = {
    totals: { transactions: 0, cents: 0, paid: 0, paidCents: 0, processed: 0, rejected: 0, duplicates: 0, lastEventMs: null, ...totals },
    positions,
    users: [],
    windows: [],
    series: [],
  };
  return { ...takeSnapshot(image, { topic, partitions: ranges.size, dedupeWindow: 20_000 }), ...overrides };
}

export { encodeSnapshot };
