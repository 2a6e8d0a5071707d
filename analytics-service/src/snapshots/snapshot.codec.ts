import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import { z } from 'zod';
import { foldImageSchema, type FoldImage } from '../stats/stats.fold-image.js';

/**
 * Bumped whenever the fold's image changes meaning or shape. A release reads only its own
 * format: an older snapshot is refused and the topic replayed in full, which rebuilds the same
 * state the slow way (and the next snapshot is written in the new format).
 */
export const SNAPSHOT_FORMAT = 1;

const snapshotSchema = z.object({
  format: z.literal(SNAPSHOT_FORMAT),
  /** The topic and partition count the positions refer to. */
  topic: z.string().min(1),
  partitions: z.int().positive(),
  /** The window size the ids were kept with: another size would drop different copies. */
  dedupe_window: z.int().positive(),
  taken_at: z.iso.datetime(),
  state: foldImageSchema,
});

export type Snapshot = z.infer<typeof snapshotSchema>;

export function takeSnapshot(image: FoldImage, about: { topic: string; partitions: number; dedupeWindow: number }): Snapshot {
  return { format: SNAPSHOT_FORMAT, topic: about.topic, partitions: about.partitions, dedupe_window: about.dedupeWindow, taken_at: new Date().toISOString(), state: image };
}

/** JSON, gzipped off the event loop: user ids are hex and numbers are digits, so it shrinks well. */
export async function encodeSnapshot(snapshot: Snapshot): Promise<Buffer> {
  return promisify(gzip)(JSON.stringify(snapshot));
}

/** The snapshot, or why it cannot be used. */
export async function decodeSnapshot(bytes: Buffer): Promise<{ snapshot: Snapshot } | { refused: string }> {
  let json: unknown;
  try {
    json = JSON.parse((await promisify(gunzip)(bytes)).toString('utf8'));
  } catch (err) {
    return { refused: `corrupt: ${(err as Error).message}` };
  }
  const format = (json as { format?: unknown } | null)?.format;
  if (format !== SNAPSHOT_FORMAT) return { refused: `format ${JSON.stringify(format)}, this release reads format ${SNAPSHOT_FORMAT}` };
  const parsed = snapshotSchema.safeParse(json);
  if (!parsed.success) return { refused: `corrupt: ${parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}` };
  return { snapshot: parsed.data };
}
