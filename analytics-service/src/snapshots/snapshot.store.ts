import { createHash, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { createRecordWriter, ensureTopics, readTopicRanges, topicOffsetRanges, type KafkaConnection, type RecordWriter } from '@paymesh/shared/kafka';
import { scanNewestSnapshot, type ReadSpan } from './snapshot.scan.js';

/** Well below the broker's default 1 MB record limit, so the snapshot topic needs no special limit. */
const CHUNK_BYTES = 512 * 1024;
const READ_TIMEOUT_MS = 60_000;

/** The record that names the newest complete snapshot; written after all of its chunks. */
const manifestSchema = z.object({ id: z.uuid(), chunks: z.int().positive(), bytes: z.int().positive(), sha256: z.string() });
type Manifest = z.infer<typeof manifestSchema>;

export interface SnapshotStoreOptions {
  connection: KafkaConnection;
  /** The compacted topic holding the snapshots. */
  topic: string;
  /** The topic whose fold is snapshotted: keys are prefixed with it, so one snapshot topic may serve several. */
  sourceTopic: string;
  groupPrefix: string;
}

export interface SnapshotStore {
  /**
   * The bytes of the newest complete snapshot, or why there is none to use; with how many records
   * of the topic were read to find it.
   */
  load(): Promise<({ bytes: Buffer; id: string } | { missing: string }) & { recordsRead: number }>;
  save(bytes: Buffer): Promise<{ id: string; chunks: number }>;
  close(): Promise<void>;
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

function parseJson(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    return 'unreadable';
  }
}

/**
 * Snapshots in a compacted topic: each one as chunks under keys of its own, then a manifest under
 * one fixed key naming it. A writer that dies midway leaves the previous manifest, and so the
 * previous snapshot, in force. Once a newer manifest is written, the chunks of the snapshot it
 * replaces are tombstoned so compaction removes them.
 */
export function createSnapshotStore(o: SnapshotStoreOptions): SnapshotStore {
  const manifestKey = `${o.sourceTopic}/latest`;
  const chunkKey = (id: string, i: number) => `${o.sourceTopic}/${id}/${i}`;
  let writer: RecordWriter | undefined;
  /** The snapshot this instance loaded or last wrote: the one to tombstone after the next write. */
  let current: Manifest | undefined;

  const ensureTopic = () =>
    ensureTopics(o.connection, [{ name: o.topic, partitions: 1, configs: { 'cleanup.policy': 'compact', 'segment.ms': String(60 * 60_000) } }]);

  return {
    async load() {
      await ensureTopic();
      // One partition, as ensureTopic creates it: the order of manifests and chunks is the order written.
      const range = (await topicOffsetRanges(o.connection, o.topic)).get(0) ?? { low: 0, high: 0 };
      const read: ReadSpan = (span, onRecord) =>
        readTopicRanges(o.connection, o.topic, new Map([[0, span]]), { groupPrefix: o.groupPrefix, maxBytesPerPartition: 2 * CHUNK_BYTES, timeoutMs: READ_TIMEOUT_MS }, onRecord);
      const chunksOf = (value: Buffer | null) => {
        const parsed = manifestSchema.safeParse(value && parseJson(value));
        return parsed.success ? Array.from({ length: parsed.data.chunks }, (_, i) => chunkKey(parsed.data.id, i)) : undefined;
      };
      const scanned = await scanNewestSnapshot(read, range, { manifest: manifestKey, chunkPrefix: `${o.sourceTopic}/`, chunksOf });
      const { recordsRead } = scanned;
      if (scanned.manifest === undefined || scanned.manifest === null) return { missing: 'no snapshot written yet', recordsRead };
      const parsed = manifestSchema.safeParse(parseJson(scanned.manifest));
      if (!parsed.success) return { missing: 'corrupt manifest', recordsRead };
      const { id, chunks: count, sha256: expected } = parsed.data;
      const parts: Buffer[] = [];
      for (let i = 0; i < count; i++) {
        const part = scanned.chunks.get(chunkKey(id, i));
        if (!part) return { missing: `chunk ${i} of ${count} of snapshot ${id} is missing`, recordsRead };
        parts.push(part);
      }
      const bytes = Buffer.concat(parts);
      if (sha256(bytes) !== expected) return { missing: `snapshot ${id} does not match its checksum`, recordsRead };
      current = parsed.data;
      return { bytes, id, recordsRead };
    },

    async save(bytes) {
      if (!writer) {
        await ensureTopic();
        writer = await createRecordWriter(o.connection);
      }
      const id = randomUUID();
      const count = Math.max(1, Math.ceil(bytes.length / CHUNK_BYTES));
      // One send per chunk: records of one send form one batch, and the broker limits batches too.
      for (let i = 0; i < count; i++) await writer.write(o.topic, [{ key: chunkKey(id, i), value: bytes.subarray(i * CHUNK_BYTES, (i + 1) * CHUNK_BYTES) }]);
      const manifest: Manifest = { id, chunks: count, bytes: bytes.length, sha256: sha256(bytes) };
      await writer.write(o.topic, [{ key: manifestKey, value: Buffer.from(JSON.stringify(manifest)) }]);
      const replaced = current;
      current = manifest;
      if (replaced) await writer.write(o.topic, Array.from({ length: replaced.chunks }, (_, i) => ({ key: chunkKey(replaced.id, i), value: null })));
      return { id, chunks: count };
    },

    async close() {
      await writer?.disconnect();
      writer = undefined;
    },
  };
}
