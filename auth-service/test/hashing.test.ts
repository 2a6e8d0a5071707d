import { readdirSync, readFileSync } from 'node:fs';
import { expect } from 'chai';
import { percentile } from '@paymesh/infra/testing';
import { createPasswordHasher } from '../src/passwords/password-hasher.js';
import { buildCredentials } from './support/factories.js';
import { startAuth } from './support/auth-test-service.js';
import { call } from './support/http.js';

/** Nice value of each thread of this process, by thread id (Linux: field 19 of /proc/self/task/<tid>/stat). */
function threadNiceness(): Map<number, number> {
  const niceness = new Map<number, number>();
  for (const tid of readdirSync('/proc/self/task')) {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    niceness.set(Number(tid), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]));
  }
  return niceness;
}

describe('password hashing off the event loop', () => {
  it('keeps /health fast while 20 logins hash at once', async () => {
    // Cost 8 (~20 ms a hash in bcryptjs) makes the storm last long enough for a stall to show.
    const auth = await startAuth({ AUTH_BCRYPT_COST: '8', AUTH_HASH_WORKERS: '2' });
    try {
      const user = buildCredentials();
      await call(`${auth.url}/register`, { body: user });
      const health: number[] = [];
      let storming = true;
      const probe = (async () => {
        while (storming) {
          const started = performance.now();
          await call(`${auth.url}/health`);
          health.push(performance.now() - started);
        }
      })();

      const started = performance.now();
      const logins = await Promise.all(Array.from({ length: 20 }, () => call(`${auth.url}/login`, { body: user })));
      const stormMs = performance.now() - started;
      storming = false;
      await probe;

      expect(logins.map((r) => r.status)).to.deep.equal(Array(20).fill(200));
      // On the event loop each probe waits behind whole hashes, so far fewer, slower answers.
      expect(stormMs).to.be.greaterThan(250);
      expect(health.length).to.be.greaterThan(20);
      expect(percentile(health, 50)).to.be.lessThan(25);
    } finally {
      await auth.stop();
    }
  });

  it('when more hashes wait than AUTH_HASH_QUEUE_MAX, answers 503 with Retry-After instead of queueing', async () => {
    const auth = await startAuth({ AUTH_BCRYPT_COST: '10', AUTH_HASH_WORKERS: '1', AUTH_HASH_QUEUE_MAX: '2' });
    try {
      const user = buildCredentials();
      await call(`${auth.url}/register`, { body: user });

      const logins = await Promise.all(Array.from({ length: 10 }, () => call(`${auth.url}/login`, { body: user })));

      const busy = logins.filter((r) => r.status === 503);
      expect(busy.length).to.be.greaterThan(0);
      expect(logins.filter((r) => r.status === 200).length).to.be.greaterThan(0);
      expect(busy[0]!.body).to.include({ code: 'AUTH_BUSY' });
      expect(busy[0]!.headers.get('retry-after')).to.equal('1');
    } finally {
      await auth.stop();
    }
  });

  it('on Linux, runs the hash threads at AUTH_HASH_NICE and leaves the event loop at normal priority', async function () {
    if (process.platform !== 'linux') this.skip(); // reads /proc, and only Linux sets nice per thread
    const before = new Set(threadNiceness().keys());
    const hasher = createPasswordHasher({ cost: 4, workers: 2, maxQueue: 10, nice: 10 });
    try {
      await Promise.all([hasher.hash('first password'), hasher.hash('second password')]);

      const after = threadNiceness();
      const niced = [...after].filter(([tid, nice]) => !before.has(tid) && nice === 10);
      expect(niced).to.have.length(2);
      expect(after.get(process.pid)).to.equal(0);
    } finally {
      await hasher.close();
    }
  });
});
