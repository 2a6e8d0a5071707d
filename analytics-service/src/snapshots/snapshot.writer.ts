import type { Logger } from '@paymesh/shared/logger';
import type { StatsFold } from '../stats/stats.fold.js';
import { encodeSnapshot, takeSnapshot } from './snapshot.codec.js';
import type { SnapshotStore } from './snapshot.store.js';

export interface SnapshotWriterDeps {
  store: SnapshotStore;
  fold: StatsFold;
  topic: string;
  /** The topic's partition count once the consumer knows it. */
  partitions: () => number | undefined;
  dedupeWindow: number;
  intervalMs: number;
  everyEvents: number;
  logger: Logger;
}

export interface SnapshotWriter {
  /** The fold was just restored from a stored snapshot: nothing new to write yet. */
  restored: () => void;
  /** After each folded batch: writes a snapshot once enough messages were folded since the last. */
  folded: () => void;
  /** On a clean stop, once the consumer has stopped: writes the final state, then closes. */
  close: () => Promise<void>;
}

/**
 * Writes the fold's state periodically, by time and by messages folded, one write at a time.
 * The image is captured in one synchronous step, so it always matches the offsets it records,
 * and encoding and sending happen after, while the fold goes on.
 */
export function startSnapshotWriter(deps: SnapshotWriterDeps): SnapshotWriter {
  const { fold, logger } = deps;
  let savedRevision = fold.revision;
  let writing: Promise<void> | undefined;

  async function write(partitions: number) {
    const started = Date.now();
    const snapshot = takeSnapshot(fold.capture(), { topic: deps.topic, partitions, dedupeWindow: deps.dedupeWindow });
    const revision = fold.revision;
    try {
      const bytes = await encodeSnapshot(snapshot);
      const { id, chunks } = await deps.store.save(bytes);
      savedRevision = revision;
      logger.info({ snapshot: id, bytes: bytes.length, chunks, users: snapshot.state.users.length, write_ms: Date.now() - started }, 'snapshot written');
    } catch (err) {
      logger.warn({ err }, 'could not write a snapshot; the previous one stays in force');
    }
  }

  function save(): Promise<void> {
    const partitions = deps.partitions();
    if (writing || partitions === undefined || fold.revision === savedRevision) return writing ?? Promise.resolve();
    writing = write(partitions).finally(() => (writing = undefined));
    return writing;
  }

  const timer = setInterval(() => void save(), deps.intervalMs);
  timer.unref();

  return {
    restored() {
      savedRevision = fold.revision;
    },
    folded() {
      if (fold.revision - savedRevision >= deps.everyEvents) void save();
    },
    async close() {
      clearInterval(timer);
      await writing;
      await save();
      await deps.store.close();
    },
  };
}
