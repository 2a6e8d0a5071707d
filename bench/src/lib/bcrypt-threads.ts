import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { median } from './stats.js';

const bcryptPath = createRequire(import.meta.url).resolve('bcryptjs');

// Plain JavaScript for the worker (eval'd, no TypeScript loader there): `samples` compares, timed one by one.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const bcrypt = require(workerData.bcryptPath);
const times = [];
for (let i = 0; i < workerData.samples; i += 1) {
  const begun = process.hrtime.bigint();
  bcrypt.compareSync(workerData.password, workerData.hash);
  times.push(Number(process.hrtime.bigint() - begun) / 1e9);
}
parentPort.postMessage(times);
`;

/**
 * Seconds one bcrypt compare takes when `threads` threads compare at once, as auth's hash pool
 * does during a login storm: on a shared 2-core machine, one thread alone would get a core the
 * pool's threads never get, and the bound would be too high. Median over every thread's samples.
 */
export async function parallelHashSeconds(password: string, hash: string, threads: number, samples: number): Promise<number> {
  const runs = await Promise.all(
    Array.from(
      { length: threads },
      () =>
        new Promise<number[]>((resolve, reject) => {
          const worker = new Worker(WORKER, { eval: true, workerData: { bcryptPath, password, hash, samples } });
          worker.once('message', (times: number[]) => {
            resolve(times);
            void worker.terminate();
          });
          worker.once('error', reject);
        }),
    ),
  );
  return median(runs.flat());
}
