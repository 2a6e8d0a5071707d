import type { OffsetSpan } from '@paymesh/shared/kafka';

/** Reads the records of one span of the snapshot topic's only partition, in offset order. */
export type ReadSpan = (span: OffsetSpan, onRecord: (key: string | null, value: Buffer | null) => void) => Promise<void>;

export interface SnapshotKeys {
  manifest: string;
  /** Every key of a chunk of a snapshot of this source topic starts with it. */
  chunkPrefix: string;
  /** The chunk keys a manifest names, or undefined when it names none (a tombstone, unreadable). */
  chunksOf: (manifest: Buffer | null) => string[] | undefined;
}

export interface ScannedSnapshot {
  /** The newest manifest record's value; undefined when the topic holds none. */
  manifest: Buffer | null | undefined;
  /** The newest value of each chunk key that manifest names, where one was found (null: a tombstone). */
  chunks: Map<string, Buffer | null>;
  /** Records read in all: how much of the topic the scan had to touch. */
  recordsRead: number;
}

/**
 * The first window read, in records back from the end. The end usually holds the newest
 * snapshot's chunks, its manifest and the tombstones of the one it replaced, so one window
 * does for a snapshot of a few chunks.
 */
const FIRST_WINDOW = 16;

/**
 * Finds the newest snapshot by reading the topic backwards, window by window, instead of from
 * its start. Until compaction runs (by default not before a segment is an hour old), the topic
 * still holds every superseded snapshot: a service that writes one every few hundred thousand
 * events would otherwise decode tens of megabytes at each start, only to keep the last few.
 * A record at a later offset wins over one at an earlier offset, as when reading forwards.
 */
export async function scanNewestSnapshot(read: ReadSpan, range: { low: number; high: number }, keys: SnapshotKeys): Promise<ScannedSnapshot> {
  const result: ScannedSnapshot = { manifest: undefined, chunks: new Map(), recordsRead: 0 };
  let wanted: Set<string> | undefined;
  let to = range.high;
  let span = FIRST_WINDOW;
  while (to > range.low) {
    const from = Math.max(range.low, to - span);
    const window = new Map<string, Buffer | null>();
    const seen: { manifest?: Buffer | null } = {};
    await read({ from, to }, (key, value) => {
      result.recordsRead += 1;
      if (key === keys.manifest) seen.manifest = value;
      else if (key?.startsWith(keys.chunkPrefix) && (!wanted || wanted.has(key))) window.set(key, value);
    });
    for (const [key, value] of window) if (!result.chunks.has(key)) result.chunks.set(key, value);
    const foundManifest = !wanted && seen.manifest !== undefined;
    if (foundManifest) {
      result.manifest = seen.manifest;
      const named = keys.chunksOf(seen.manifest ?? null);
      if (!named) return result;
      wanted = new Set(named);
      for (const key of result.chunks.keys()) if (!wanted.has(key)) result.chunks.delete(key);
    }
    // The chunks usually sit right before their manifest; when other writers' records are mixed in, widen.
    if (wanted) {
      const missing = [...wanted].filter((key) => !result.chunks.has(key)).length;
      if (missing === 0) return result;
      span = foundManifest ? missing : span * 2;
    } else {
      span *= 2;
    }
    to = from;
  }
  return result;
}
