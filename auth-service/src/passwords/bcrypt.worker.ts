import { setPriority } from 'node:os';
import { workerData } from 'node:worker_threads';
import bcrypt from 'bcryptjs';

export type BcryptTask =
  | { op: 'hash'; password: string; cost: number }
  | { op: 'verify'; password: string; hash: string };

export interface BcryptWorkerData {
  /** Niceness of this thread, 0-19: higher yields the cores to request handling sooner. */
  nice: number;
}

// A login storm keeps every pool thread busy for as long as it lasts. Niced, those threads still
// get every core nobody else wants, but the services' request handling (the gateway, payment,
// PostgreSQL on the same machine) is scheduled first instead of waiting out their time slices.
// On Linux the nice value belongs to the calling thread, so the event loop's is unchanged.
const { nice } = workerData as BcryptWorkerData;
if (nice > 0) {
  try {
    setPriority(nice);
  } catch {
    // Where threads cannot be reprioritised, hashing still works, just at normal priority.
  }
}

/**
 * Runs in a pool thread, where the synchronous bcryptjs calls are the fastest choice: the
 * thread has nothing else to do, and the main event loop never waits on them.
 */
export default function runBcrypt(task: BcryptTask): string | boolean {
  return task.op === 'hash' ? bcrypt.hashSync(task.password, task.cost) : bcrypt.compareSync(task.password, task.hash);
}
