import bcrypt from 'bcryptjs';
import { BCRYPT_COST, HASH_WORKERS } from '../lib/bench-mesh.js';
import { drainQueue } from '../lib/drain.js';
import { interleaved } from '../lib/interleave.js';
import { parallelHashSeconds } from '../lib/bcrypt-threads.js';
import { describeLoad, fire } from '../lib/load.js';
import { startLoneService } from '../lib/lone-service.js';
import type { BenchContext, BenchRow, RowOutcome } from '../lib/row.js';
import { fmt, median, medianWithRounds } from '../lib/stats.js';
import { registerUsers } from '../lib/users.js';

const PASSWORD = 'correct-horse-battery';

/** Seconds one bcrypt comparison takes at `cost` on this process's thread: what a login costs a pool thread. */
function hashSeconds(hash: string, samples: number): number {
  const times: number[] = [];
  for (let i = 0; i < samples; i += 1) {
    const begun = process.hrtime.bigint();
    bcrypt.compareSync(PASSWORD, hash);
    times.push(Number(process.hrtime.bigint() - begun) / 1e9);
  }
  return median(times);
}

export const b7Logins: BenchRow = {
  id: 'B7',
  title: 'logins/s / (hash pool size ÷ one bcrypt hash time)',
  target: '≥ 0.8',
  needs: ['auth-service'],
  method:
    `auth-service runs with AUTH_BCRYPT_COST=${BCRYPT_COST} and AUTH_HASH_WORKERS=${HASH_WORKERS} (its defaults here). Each round ` +
    'alternates: (a) autocannon, 16 connections, POST /login straight at a lone auth-service process rotating over 20 registered users ' +
    '(correct passwords, so each login is one bcrypt compare plus an RS256 signature), then one more login to let the pool\'s ' +
    'queue drain; (b) bcryptjs compares at the same cost in as many threads at once as the pool has (4 each), the median ' +
    'being one hash time: on a shared machine a lone thread would get a core the pool never gets. The bound is pool size ÷ hash time.',
  async run(ctx) {
    const infra = await ctx.infra();
    const auth = await startLoneService('auth-service', {
      AUTH_DATABASE_URL: infra.databaseUrls.auth,
      AUTH_BCRYPT_COST: String(BCRYPT_COST),
      AUTH_HASH_WORKERS: String(HASH_WORKERS),
      // Every login of the load comes from one address; the per-client limits would answer 429
      // once more than their budget is in flight at once, and the row would time refusals.
      RATE_LIMIT_LOGIN_PER_IP: '0',
      RATE_LIMIT_LOGIN_PER_USERNAME: '0',
      RATE_LIMIT_REGISTER_PER_IP: '0',
    });
    try {
      return await measure(ctx, auth.url);
    } finally {
      await auth.stop();
    }
  },
};

async function measure(ctx: BenchContext, authUrl: string): Promise<RowOutcome> {
  const users = await registerUsers(authUrl, ctx.quick ? 4 : 20, 'b7');
  const hash = bcrypt.hashSync(PASSWORD, BCRYPT_COST);
  const bodies = users.map((u) => JSON.stringify({ username: u.username, password: u.password }));
  let next = 0;

  const logins = async () => {
    const result = await fire({
      url: `${authUrl}/login`,
      method: 'POST',
      connections: 16,
      durationSec: ctx.seconds(8, 2),
      headers: { 'content-type': 'application/json' },
      setupRequest: (request) => ({ ...request, body: bodies[(next += 1) % bodies.length] }),
    });
    await drainQueue(`${authUrl}/login`, bodies[0]!);
    ctx.log(`B7 logins: ${describeLoad(result)}`);
    return result;
  };
  const single: number[] = [];
  const hashes = async () => {
    single.push(hashSeconds(hash, ctx.quick ? 1 : 4));
    const seconds = await parallelHashSeconds(PASSWORD, hash, HASH_WORKERS, ctx.quick ? 1 : 4);
    ctx.log(`B7 one bcrypt compare at cost ${BCRYPT_COST}: ${(seconds * 1000).toFixed(1)} ms with ${HASH_WORKERS} threads at once, ${(single.at(-1)! * 1000).toFixed(1)} ms alone`);
    return seconds;
  };

  const { a: runs, b: hashTimes } = await interleaved(ctx.rounds(5), logins, hashes);
  const loginRates = runs.map((r) => r.rps);
  const bound = HASH_WORKERS / median(hashTimes);
  const failed = runs.reduce((n, r) => n + r.non2xx + r.errors, 0);
  return {
    figures: [
      `logins: ${medianWithRounds(loginRates, '/s')}`,
      `bcrypt compare, ${HASH_WORKERS} threads at once: ${medianWithRounds(hashTimes.map((s) => s * 1000), 'ms')} → bound ${fmt(bound)}/s`,
    ],
    checks: [{ label: 'logins / bound', value: median(loginRates) / bound, unit: '', op: '>=', limit: 0.8 }],
    notes: [
      `one compare alone on the bench thread: ${fmt(median(single) * 1000)} ms (bound ${fmt(HASH_WORKERS / median(single))}/s if the pool's threads had a core each to themselves)`,
      `login p50 ${fmt(median(runs.map((r) => r.p50)))} ms, p99 ${fmt(median(runs.map((r) => r.p99)))} ms (16 connections queueing on ${HASH_WORKERS} threads)`,
      ...(failed > 0 ? [`${failed} logins did not get 200: ${runs.map((r) => JSON.stringify(r.statuses)).join(' ')}`] : []),
    ],
  };
}
