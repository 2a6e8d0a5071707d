import { describeLoad, fire } from '../lib/load.js';
import type { BenchRow } from '../lib/row.js';
import { fmt, median, percentile } from '../lib/stats.js';
import { lagsByRank, subscribeToStats } from '../lib/stats-stream.js';
import { waitForQuietMesh } from '../lib/quiesce.js';
import { registerUsers } from '../lib/users.js';
import { waitFor } from '../../../infra/src/wait-for.js';

const RATE = 200;

export const b4CommitToStats: BenchRow = {
  id: 'B4',
  title: 'commit-to-stats lag at a steady 200 transactions/s: from the 201 response to counted by analytics, p50 / p99',
  target: '≤ 10 ms / ≤ 50 ms',
  needs: ['gateway', 'auth-service', 'payment-service', 'analytics-service'],
  method:
    `autocannon at a fixed ${RATE} req/s (8 connections) POSTs transactions through the gateway for 20 users; the arrival ` +
    'of each 201 is timestamped in this process. Analytics\' SSE stream (/stats/stream, sampled every 2 ms in the bench mesh ' +
    'instead of the UI\'s 250 ms) is timestamped on arrival too. The j-th 201 counts as folded at the first update showing ' +
    'j more transactions than before the round (rank pairing; exact when the fold order follows the answer order). The ' +
    'path measured: response → (relay woken by NOTIFY → Kafka, acks=all → analytics fetch → fold) → next 2 ms sample.',
  async run(ctx) {
    const mesh = await ctx.mesh();
    const users = await registerUsers(mesh.urls.auth, ctx.quick ? 4 : 20, 'b4');
    const durationSec = ctx.quick ? 2 : 20;
    const body = JSON.stringify({ amount: 0.01, description: 'bench' });
    let next = 0;
    const rounds: { p50: number; p99: number; counted: number; sent: number }[] = [];

    const infra = await ctx.infra();
    for (let round = 0; round < (ctx.quick ? 1 : 3); round += 1) {
      await waitForQuietMesh(mesh, infra.databaseUrls.payment);
      const stream = await subscribeToStats(mesh.urls.analytics);
      const baseline = stream.updates.at(-1)!.totalTransactions;
      const responses: number[] = [];
      try {
        const load = fire({
          url: `${mesh.urls.gateway}/payment/transactions`,
          method: 'POST',
          connections: 8,
          durationSec,
          rate: RATE,
          body,
          setupRequest: (request) => {
            next += 1;
            const token = users[next % users.length]!.token;
            return { ...request, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` } };
          },
          onResponse: (status) => {
            if (status === 201) responses.push(performance.now());
          },
        });
        const result = await load;
        ctx.log(`B4 load: ${describeLoad(result)}`);
        await waitFor('analytics to count every transaction of the round', () =>
          Promise.resolve((stream.updates.at(-1)?.totalTransactions ?? 0) - baseline >= responses.length), 30_000, 20);
      } finally {
        await stream.close();
      }
      const lags = lagsByRank(responses, stream.updates, baseline);
      const r = { p50: percentile(lags, 50), p99: percentile(lags, 99), counted: lags.length, sent: responses.length };
      ctx.log(`B4 round ${round + 1}: ${r.sent} transactions, lag p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms`);
      rounds.push(r);
    }
    const p50 = median(rounds.map((r) => r.p50));
    const p99 = median(rounds.map((r) => r.p99));
    return {
      figures: [
        `lag p50: ${fmt(p50)} ms (rounds: ${rounds.map((r) => fmt(r.p50)).join(' · ')})`,
        `lag p99: ${fmt(p99)} ms (rounds: ${rounds.map((r) => fmt(r.p99)).join(' · ')})`,
        `${rounds.map((r) => r.sent).join(' · ')} transactions per round at ${RATE}/s`,
      ],
      checks: [
        { label: 'p50', value: p50, unit: 'ms', op: '<=', limit: 10 },
        { label: 'p99', value: p99, unit: 'ms', op: '<=', limit: 50 },
      ],
      notes: [],
    };
  },
};
