import { availableParallelism } from 'node:os';
import { HASH_WORKERS, startBenchMesh, type BenchMesh } from '../lib/bench-mesh.js';
import { drainQueue } from '../lib/drain.js';
import { interleaved } from '../lib/interleave.js';
import { schedAutogroup } from '../lib/machine.js';
import { describeLoad, fire, type LoadResult } from '../lib/load.js';
import { firePaced } from '../lib/paced-load.js';
import { waitForQuietMesh } from '../lib/quiesce.js';
import type { BenchContext, BenchRow } from '../lib/row.js';
import { fmt, median } from '../lib/stats.js';
import { registerUsers } from '../lib/users.js';
import { waitFor } from '@paymesh/infra/testing';

const LIST_RATE = 100;
const STORM_CONNECTIONS = 32;

export const b8ListDuringLoginStorm: BenchRow = {
  id: 'B8',
  title: 'p99 of an authenticated GET /payment/transactions/list during a login storm / the same p99 when idle',
  target: '≤ 2',
  needs: ['gateway', 'auth-service', 'payment-service'],
  method:
    `An evenly paced open-loop load of ${LIST_RATE} req/s (bench/src/lib/paced-load.ts, up to 4 connections) GETs /payment/transactions/list through the gateway for 10 users ` +
    'holding 20 transactions each. In storm rounds autocannon runs at the same time, ' +
    `${STORM_CONNECTIONS} connections as fast as answered, POST /auth/login through the gateway with correct passwords ` +
    '(limits raised in the bench mesh, so every login reaches bcrypt). Storm and idle rounds alternate; median of the rounds\' p99. ' +
    'The same is then measured on a second mesh whose processes all share the launcher\'s session, as before each got one of its own ' +
    '(infra/src/processes/spawn-service.ts), to show what that buys where the kernel groups CPU time by session (sched_autogroup).',
  async run(ctx) {
    const infra = await ctx.infra();
    const main = await measureStorm(ctx, await ctx.mesh(), ctx.rounds(5));
    // The same rounds against a mesh whose processes share one session, to show what a session
    // per process buys. (A second mesh, so the main one keeps its defaults.)
    const variantMesh = await startBenchMesh(ctx.log, infra, {}, { sharedSession: true });
    let variant: StormOutcome;
    try {
      variant = await measureStorm(ctx, variantMesh, ctx.rounds(3));
    } finally {
      await variantMesh.stop();
    }
    const p99 = (runs: LoadResult[]) => median(runs.map((r) => r.p99));
    const ratio = (o: StormOutcome) => p99(o.stormy) / p99(o.quiet);
    return {
      figures: [
        `p99 during the storm: ${fmt(p99(main.stormy))} ms (rounds: ${main.stormy.map((r) => fmt(r.p99)).join(' · ')})`,
        `p99 idle: ${fmt(p99(main.quiet))} ms (rounds: ${main.quiet.map((r) => fmt(r.p99)).join(' · ')})`,
      ],
      checks: [{ label: 'storm / idle', value: ratio(main), unit: '', op: '<=', limit: 2 }],
      notes: [
        `storm: ${fmt(median(main.storms.map((r) => r.rps)))} logins/s through the gateway, login p99 ${fmt(p99(main.storms))} ms`,
        `list p50: idle ${fmt(median(main.quiet.map((r) => r.p50)))} ms, during the storm ${fmt(median(main.stormy.map((r) => r.p50)))} ms`,
        `variant with every process in one session (${HASH_WORKERS} hash threads on ${availableParallelism()} cores, sched_autogroup ${schedAutogroup()}): storm/idle p99 = ${fmt(ratio(variant))} ` +
          `(${fmt(p99(variant.stormy))} / ${fmt(p99(variant.quiet))} ms), ${fmt(median(variant.storms.map((r) => r.rps)))} logins/s`,
      ],
    };
  },
};

const tag = (mesh: BenchMesh) => (mesh.sharedSession ? ' (one session)' : '');

interface StormOutcome {
  quiet: LoadResult[];
  stormy: LoadResult[];
  storms: LoadResult[];
}

async function measureStorm(ctx: BenchContext, mesh: BenchMesh, rounds: number): Promise<StormOutcome> {
  const infra = await ctx.infra();
  const users = await registerUsers(mesh.urls.auth, 10, 'b8');
  for (const user of users) {
    for (let i = 0; i < 20; i += 1) {
      const res = await fetch(`${mesh.urls.gateway}/payment/transactions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${user.token}` },
        body: JSON.stringify({ amount: 1, description: `b8 ${i}` }),
      });
      if (res.status !== 201) throw new Error(`seeding B8's transactions failed: ${res.status} ${await res.text()}`);
    }
  }
  await waitForQuietMesh(mesh, infra.databaseUrls.payment);
  const durationSec = ctx.seconds(8);
  const logins = users.map((u) => JSON.stringify({ username: u.username, password: u.password }));
  let nextLogin = 0;

  const list = () =>
    firePaced({
      url: `${mesh.urls.gateway}/payment/transactions/list`,
      connections: 4,
      durationSec,
      rate: LIST_RATE,
      request: (k) => ({ headers: { authorization: `Bearer ${users[k % users.length]!.token}` } }),
    });
  const idle = async () => {
    const result = await list();
    ctx.log(`B8${tag(mesh)} list, idle: ${describeLoad(result)}`);
    return result;
  };
  const storms: LoadResult[] = [];
  const duringStorm = async () => {
    // The storm is in full swing (bcrypt busy) before the list run starts, and outlasts it.
    let answered = 0;
    const storm = fire({
      url: `${mesh.urls.gateway}/auth/login`,
      method: 'POST',
      connections: STORM_CONNECTIONS,
      durationSec: durationSec + 3,
      headers: { 'content-type': 'application/json' },
      setupRequest: (request) => ({ ...request, body: logins[(nextLogin += 1) % logins.length] }),
      onResponse: () => (answered += 1),
    });
    await waitFor('the login storm to get its first answers', () => Promise.resolve(answered >= 4), 30_000, 10);
    const result = await list();
    storms.push(await storm);
    await drainQueue(`${mesh.urls.gateway}/auth/login`, logins[0]!);
    ctx.log(`B8${tag(mesh)} list, during the storm: ${describeLoad(result)}; storm ${describeLoad(storms.at(-1)!)}`);
    return result;
  };

  if (!ctx.quick) await list(); // unmeasured warm-up
  const { a: quiet, b: stormy } = await interleaved(rounds, idle, duringStorm);
  return { quiet, stormy, storms };
}
