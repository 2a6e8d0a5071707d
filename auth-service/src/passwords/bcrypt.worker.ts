import bcrypt from 'bcryptjs';

export type BcryptTask =
  | { op: 'hash'; password: string; cost: number }
  | { op: 'verify'; password: string; hash: string };

/**
 * Runs in a pool thread, where the synchronous bcryptjs calls are the fastest choice: the
 * thread has nothing else to do, and the main event loop never waits on them.
 */
export default function runBcrypt(task: BcryptTask): string | boolean {
  return task.op === 'hash' ? bcrypt.hashSync(task.password, task.cost) : bcrypt.compareSync(task.password, task.hash);
}
