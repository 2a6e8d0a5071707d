import { interleaved } from '../lib/interleave.js';
import { describeLoad, fire, type LoadResult } from '../lib/load.js';
import { waitForQuietMesh } from '../lib/quiesce.js';
import type { BenchRow } from '../lib/row.js';
import { fmt, median } from '../lib/stats.js';
import { registerUsers } from '../lib/users.js';

const LIST_RATE = 100;
const STORM_CONNECTIONS = 32;

export const b8ListDuringLoginStorm: BenchRow = {
  id: 'B8',
  title: 'p99 of an authenticated GET /payment/transactions/list during a login storm / the same p99 when idle',
  target: '≤ 2',
  needs: ['gateway', 'auth-service', 'payment-service'],
  method:
    `autocannon at a fixed ${LIST_RATE} req/s (4 connections) GETs /payment/transactions/list through the gateway for 10 users ` +
    'holding 20 transactions each. In storm rounds a second autocannon runs at the same time, ' +
    `${STORM_CONNECTIONS} connections as fast as answered, POST /auth/login through the gateway with correct passwords ` +
    '(limits raised in the bench mesh, so every login reaches bcrypt). Storm and idle rounds alternate; median of the rounds\' p99.',
  async run(ctx) {
    const mesh = await ctx.mesh();
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
    const durationSec = ctx.quick ? 1 : 10;
    const logins = users.map((u) => JSON.stringify({ username: u.username, password: u.password }));
    let nextList = 0;
    let nextLogin = 0;

    const list = () =>
      fire({
        url: `${mesh.urls.gateway}/payment/transactions/list`,
        connections: 4,
        durationSec,
        rate: LIST_RATE,
        setupRequest: (request) => ({ ...request, headers: { authorization: `Bearer ${users[(nextList += 1) % users.length]!.token}` } }),
      });
    const idle = async () => {
      const result = await list();
      ctx.log(`B8 list, idle: ${describeLoad(result)}`);
      return result;
    };
    const storms: LoadResult[] = [];
    const duringStorm = async () => {
      // The storm starts first and outlasts the list run by a second on each side.
      const storm = fire({
        url: `${mesh.urls.gateway}/auth/login`,
        method: 'POST',
        connections: STORM_CONNECTIONS,
        durationSec: durationSec + 2,
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => ({ ...request, body: logins[(nextLogin += 1) % logins.length] }),
      });
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const result = await list();
      storms.push(await storm);
      ctx.log(`B8 list, during the storm: ${describeLoad(result)}; storm ${describeLoad(storms.at(-1)!)}`);
      return result;
    };

    if (!ctx.quick) await list(); // unmeasured warm-up
    const { a: quiet, b: stormy } = await interleaved(ctx.quick ? 1 : 5, idle, duringStorm);
    const p99 = (runs: LoadResult[]) => median(runs.map((r) => r.p99));
    return {
      figures: [
        `p99 during the storm: ${fmt(p99(stormy))} ms (rounds: ${stormy.map((r) => fmt(r.p99)).join(' · ')})`,
        `p99 idle: ${fmt(p99(quiet))} ms (rounds: ${quiet.map((r) => fmt(r.p99)).join(' · ')})`,
      ],
      checks: [{ label: 'storm / idle', value: p99(stormy) / p99(quiet), unit: '', op: '<=', limit: 2 }],
      notes: [
        `storm: ${fmt(median(storms.map((r) => r.rps)))} logins/s through the gateway, login p99 ${fmt(median(storms.map((r) => r.p99)))} ms`,
        `list p50: idle ${fmt(median(quiet.map((r) => r.p50)))} ms, during the storm ${fmt(median(stormy.map((r) => r.p50)))} ms`,
      ],
    };
  },
};
