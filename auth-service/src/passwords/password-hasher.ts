import path from 'node:path';
import { fileURLToPath } from 'node:url';
import bcrypt from 'bcryptjs';
import { Piscina } from 'piscina';
import { AppError, errors } from '@paymesh/shared/errors';
import type { BcryptTask, BcryptWorkerData } from './bcrypt.worker.js';

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(password: string, hash: string): Promise<boolean>;
  /** True when a hash was made with another cost than today's, so it should be redone. */
  needsRehash(hash: string): boolean;
  close(): Promise<void>;
}

export interface PasswordHasherOptions {
  cost: number;
  /** Pool threads (at least 1). */
  workers: number;
  maxQueue: number;
  /** Niceness of the pool threads (0-19); the event loop keeps its own. */
  nice: number;
}

// The worker sits beside the module that starts it, in the same language: bcrypt.worker.ts next to
// this file when run from source, bcrypt.worker.js next to dist/main.js once bundled.
const workerFile = new URL(`./bcrypt.worker${path.extname(fileURLToPath(import.meta.url))}`, import.meta.url);

const busy = () => new AppError(errors.AUTH_BUSY);

/**
 * bcrypt is deliberately slow CPU work; run on the event loop, a burst of logins would stall
 * every other request of the process. The pool keeps that work on its own threads.
 */
export function createPasswordHasher(options: PasswordHasherOptions): PasswordHasher {
  const pool = new Piscina<BcryptTask, string | boolean>({
    filename: workerFile.href,
    minThreads: options.workers,
    maxThreads: options.workers,
    maxQueue: options.maxQueue,
    workerData: { nice: options.nice } satisfies BcryptWorkerData,
  });

  async function run(task: BcryptTask): Promise<string | boolean> {
    if (pool.queueSize >= options.maxQueue) throw busy();
    return pool.run(task);
  }

  return {
    hash: async (password) => (await run({ op: 'hash', password, cost: options.cost })) as string,
    verify: async (password, hash) => (await run({ op: 'verify', password, hash })) as boolean,
    needsRehash: (hash) => bcrypt.getRounds(hash) !== options.cost,
    close: async () => {
      await pool.close();
    },
  };
}
