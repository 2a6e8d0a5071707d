import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import path from 'node:path';

export type OperationKind = 'create' | 'pay' | 'list' | 'stats' | 'replay';

/** One HTTP exchange: a status when an answer came, an error when none did (timeout, refused, reset). */
export interface Attempt {
  startedAt: number;
  endedAt: number;
  status?: number;
  error?: string;
  body?: unknown;
}

/**
 * One thing a client wanted done, with every attempt it took. `outcome` is what the client
 * was finally told: `ok` (2xx), `refused` (a 4xx, such as the cap), or `unknown` (it gave
 * up without an answer, so the write may or may not have happened).
 */
export interface Operation {
  id: number;
  kind: OperationKind;
  user: string;
  key?: string;
  request?: { amount: number; description: string };
  /** For a replay: the operation whose key and body it sends again. */
  replayOf?: number;
  attempts: Attempt[];
  outcome: 'ok' | 'refused' | 'unknown';
  status?: number;
  body?: unknown;
}

/** Every operation in memory for the checker, and as JSON lines on disk for a person replaying a run. */
export interface History {
  readonly operations: Operation[];
  nextId(): number;
  record(operation: Operation): void;
  close(): Promise<void>;
}

export function createHistory(file: string): History {
  mkdirSync(path.dirname(file), { recursive: true });
  const out: WriteStream = createWriteStream(file);
  const operations: Operation[] = [];
  let id = 0;
  return {
    operations,
    nextId: () => ++id,
    record(operation) {
      operations.push(operation);
      out.write(`${JSON.stringify(operation)}\n`);
    },
    close: () => new Promise((resolve) => out.end(resolve)),
  };
}
