import type { PartitionRange } from '@paymesh/shared/kafka';
import type { Logger } from '@paymesh/shared/logger';
import type { StatsFold } from '../stats/stats.fold.js';
import { decodeSnapshot, type Snapshot } from './snapshot.codec.js';
import type { SnapshotStore } from './snapshot.store.js';

export interface RestoreDeps {
  store: SnapshotStore;
  fold: StatsFold;
  topic: string;
  dedupeWindow: number;
  logger: Logger;
}

/** Why a decoded snapshot cannot stand for the start of this topic, or undefined when it can. */
function mismatch(snapshot: Snapshot, deps: RestoreDeps, ranges: Map<number, PartitionRange>): string | undefined {
  if (snapshot.topic !== deps.topic) return `it covers topic ${snapshot.topic}`;
  if (snapshot.partitions !== ranges.size) return `it covers ${snapshot.partitions} partitions, the topic has ${ranges.size}`;
  if (snapshot.dedupe_window !== deps.dedupeWindow) return `it kept ${snapshot.dedupe_window} ids per partition, DEDUPE_WINDOW is ${deps.dedupeWindow}`;
  for (const [partition, { low, high }] of ranges) {
    const position = snapshot.state.positions[partition] ?? null;
    if (position === null) continue;
    // Ahead of the topic: the topic was recreated since; behind its start: retention deleted the tail's start.
    if (position > high) return `partition ${partition}: snapshot at offset ${position}, the topic ends at ${high}`;
    if (position < low) return `partition ${partition}: snapshot at offset ${position}, the topic now starts at ${low}`;
  }
  return undefined;
}

/**
 * Loads the newest snapshot into the fold, so the consumer replays only the tail after it. Any
 * reason not to (none yet, corrupt, another format or topic, unreadable) leaves the fold empty:
 * the topic is then replayed in full, which gives the same state, only slower. The reason is logged.
 * Says whether the fold now holds a snapshot.
 */
export async function restoreFromSnapshot(deps: RestoreDeps, ranges: Map<number, PartitionRange>): Promise<boolean> {
  const { logger } = deps;
  const fullReplay = (why: string) => {
    logger.warn({ reason: why }, 'not using a snapshot; replaying the whole topic');
    return false;
  };
  const started = Date.now();
  let loaded: Awaited<ReturnType<SnapshotStore['load']>>;
  try {
    loaded = await deps.store.load();
  } catch (err) {
    return fullReplay(`could not read the snapshot topic: ${(err as Error).message}`);
  }
  if ('missing' in loaded) return fullReplay(loaded.missing);
  const decoded = await decodeSnapshot(loaded.bytes);
  if ('refused' in decoded) return fullReplay(`snapshot ${loaded.id}: ${decoded.refused}`);
  const why = mismatch(decoded.snapshot, deps, ranges);
  if (why) return fullReplay(`snapshot ${loaded.id} does not fit: ${why}`);
  const { state, taken_at } = decoded.snapshot;
  deps.fold.restore(state);
  const tail = [...ranges].reduce((sum, [partition, { high }]) => sum + Math.max(0, high - (state.positions[partition] ?? 0)), 0);
  logger.info(
    { snapshot: loaded.id, taken_at, bytes: loaded.bytes.length, records_read: loaded.recordsRead, users: state.users.length, load_ms: Date.now() - started, tail_events: tail },
    'loaded a snapshot; replaying only the tail after it',
  );
  return true;
}
