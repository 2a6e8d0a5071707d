import { readFileSync } from 'node:fs';

/** Where an analytics process's resident memory sits, from its own /metrics (prom-client's defaults). */
export interface NodeMemory {
  /** V8's heap as committed, every space. */
  heapMb: number;
  /** Of it, the young generation (both semi-spaces): V8 sizes it from the machine's memory. */
  youngMb: number;
  /** Live and not yet collected objects in the heap. */
  heapUsedMb: number;
  /** Buffers and other memory V8 objects hold outside the heap. */
  externalMb: number;
}

const mb = (bytes: number) => bytes / 2 ** 20;

function metric(text: string, name: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  if (!line) throw new Error(`no ${name} in /metrics`);
  return Number(line.slice(name.length + 1).split(' ')[0]);
}

export async function nodeMemoryOf(url: string): Promise<NodeMemory> {
  const text = await (await fetch(`${url}/metrics`)).text();
  return {
    heapMb: mb(metric(text, 'nodejs_heap_size_total_bytes')),
    youngMb: mb(metric(text, 'nodejs_heap_space_size_total_bytes{space="new"}')),
    heapUsedMb: mb(metric(text, 'nodejs_heap_size_used_bytes')),
    externalMb: mb(metric(text, 'nodejs_external_memory_bytes')),
  };
}

export interface SnapshotLoad {
  /** Records of the snapshot topic read to find the newest snapshot. */
  recordsRead: number;
  bytes: number;
  loadMs: number;
}

/**
 * What the service logged (at info) about the snapshot it started from, the last such line of
 * the file; undefined when it replayed in full.
 */
export function snapshotLoadIn(logFile: string): SnapshotLoad | undefined {
  const line = readFileSync(logFile, 'utf8').split('\n').findLast((l) => l.includes('loaded a snapshot'));
  if (!line) return undefined;
  const entry = JSON.parse(line) as { records_read: number; bytes: number; load_ms: number };
  return { recordsRead: entry.records_read, bytes: entry.bytes, loadMs: entry.load_ms };
}
