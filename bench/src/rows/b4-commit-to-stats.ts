import { waitFor, type RegisteredUser } from '@paymesh/infra/testing';
import type { BenchMesh } from '../lib/bench-mesh.js';
import { describeLoad } from '../lib/load.js';
import { firePaced } from '../lib/paced-load.js';
import { waitForQuietMesh } from '../lib/quiesce.js';
import type { BenchRow } from '../lib/row.js';
import { fmt, median, percentile } from '../lib/stats.js';
import { lagsByRank, pollStats } from '../lib/stats-poll.js';
import { watchTopic, type TopicWatch } from '../lib/topic-watch.js';
import { registerUsers } from '../lib/users.js';

const RATE = 200;
/** How often "counted" is read: fine enough for a 10 ms target, light enough not to load analytics. */
const POLL_MS = 2;

async function createOne(mesh: BenchMesh, user: RegisteredUser): Promise<string> {
  const res = await fetch(`${mesh.urls.gateway}/payment/transactions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${user.token}` },
    body: JSON.stringify({ amount: 0.01, description: 'bench marker' }),
  });
  if (res.status !== 201) throw new Error(`marker transaction failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

/** The watcher joins its group asynchronously: it is ready once a marker sent after it started arrives. */
async function waitUntilWatching(mesh: BenchMesh, user: RegisteredUser, watch: TopicWatch): Promise<void> {
  await waitFor('the topic watcher to see a marker transaction', async () => {
    const id = await createOne(mesh, user);
    const seen = performance.now() + 1000;
    while (performance.now() < seen) {
      if (watch.arrivals.has(id)) return true;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return false;
  }, 60_000, 0);
}

export const b4CommitToStats: BenchRow = {
  id: 'B4',
  title: 'commit-to-stats lag at a steady 200 transactions/s: from the 201 response to counted by analytics, p50 / p99',
  target: '≤ 10 ms / ≤ 50 ms',
  needs: ['gateway', 'auth-service', 'payment-service', 'analytics-service'],
  method:
    `An evenly paced open-loop load of ${RATE} req/s (bench/src/lib/paced-load.ts, up to 8 connections) POSTs transactions through the gateway for 20 users; each 201 is ` +
    `timestamped in this process as its body arrives. Analytics' GET /stats is polled every ${POLL_MS} ms with its ETag (a 304 when ` +
    'unchanged) and each changed body timestamped on arrival (its live stream would time its own 250 ms floor between updates instead), ' +
    'and the j-th 201 counts as folded at the first read ' +
    'showing j more transactions than before the round (rank pairing: exact when the fold order follows the answer order, ' +
    'otherwise it pairs order statistics, which keeps p50 and p99). To split the lag, a consumer of the bench\'s own ' +
    'timestamps each transaction id as it reaches Kafka: 201 → in Kafka is exact per transaction, and the message\'s CreateTime ' +
    'tells when the relay sent it. A last round at a tenth of the rate gives the floor of the same path.',
  async run(ctx) {
    const mesh = await ctx.mesh();
    const infra = await ctx.infra();
    const users = await registerUsers(mesh.urls.auth, ctx.quick ? 4 : 20, 'b4');
    const watch = await watchTopic(infra.brokers, mesh.topic);
    const durationSec = ctx.seconds(15, 2);
    const body = JSON.stringify({ amount: 0.01, description: 'bench' });
    type Round = Record<'p50' | 'p99' | 'kafkaP50' | 'kafkaP99' | 'sentP50' | 'sentP99' | 'fetchedP50' | 'fetchedP99' | 'sent', number>;
    const rounds: Round[] = [];
    let floor: Round | undefined;
    try {
      await waitUntilWatching(mesh, users[0]!, watch);
      const measureRound = async (rate: number, label: string) => {
        await waitForQuietMesh(mesh, infra.databaseUrls.payment);
        const counted = await pollStats(mesh.urls.analytics, POLL_MS);
        const baseline = counted.updates.at(-1)!.totalTransactions;
        const created = new Map<string, number>();
        try {
          const result = await firePaced({
            url: `${mesh.urls.gateway}/payment/transactions`,
            connections: 8,
            durationSec,
            rate,
            request: (k) => ({
              method: 'POST',
              headers: { 'content-type': 'application/json', authorization: `Bearer ${users[k % users.length]!.token}` },
              body,
            }),
            onResponseBody: (status, text) => {
              if (status === 201) created.set((JSON.parse(text) as { id: string }).id, performance.now());
            },
          });
          ctx.log(`B4 load: ${describeLoad(result)}`);
          await waitFor('analytics to count every transaction of the round', () =>
            Promise.resolve((counted.updates.at(-1)?.totalTransactions ?? 0) - baseline >= created.size), 60_000, 20);
        } finally {
          await counted.close();
        }
        const lags = lagsByRank([...created.values()], counted.updates, baseline);
        const seen = [...created].flatMap(([id, at]) => {
          const arrival = watch.arrivals.get(id);
          return arrival ? [{ kafka: arrival.at - at, sent: arrival.sentAt - at, fetched: arrival.at - arrival.sentAt }] : [];
        });
        const kafkaLags = seen.map((s) => s.kafka);
        const r = {
          p50: percentile(lags, 50),
          p99: percentile(lags, 99),
          kafkaP50: percentile(kafkaLags, 50),
          kafkaP99: percentile(kafkaLags, 99),
          sentP50: percentile(seen.map((s) => s.sent), 50),
          sentP99: percentile(seen.map((s) => s.sent), 99),
          fetchedP50: percentile(seen.map((s) => s.fetched), 50),
          fetchedP99: percentile(seen.map((s) => s.fetched), 99),
          sent: created.size,
        };
        ctx.log(`B4 ${label}: ${r.sent} transactions, counted p50 ${r.p50.toFixed(1)} / p99 ${r.p99.toFixed(1)} ms; in Kafka p50 ${r.kafkaP50.toFixed(1)} / p99 ${r.kafkaP99.toFixed(1)} ms`);
        return r;
      };
      for (let round = 0; round < ctx.rounds(3); round += 1) rounds.push(await measureRound(RATE, `round ${round + 1}`));
      // The floor: the same path with the relay and the fold mostly idle between transactions.
      floor = await measureRound(RATE / 10, `at ${RATE / 10}/s`);
    } finally {
      await watch.stop();
    }
    const m = (key: keyof (typeof rounds)[number]) => median(rounds.map((r) => r[key]));
    const list = (key: keyof (typeof rounds)[number]) => rounds.map((r) => fmt(r[key])).join(' · ');
    return {
      figures: [
        `201 → counted p50: ${fmt(m('p50'))} ms (rounds: ${list('p50')})`,
        `201 → counted p99: ${fmt(m('p99'))} ms (rounds: ${list('p99')})`,
        `${list('sent')} transactions per round at ${RATE}/s`,
      ],
      checks: [
        { label: 'p50', value: m('p50'), unit: 'ms', op: '<=', limit: 10 },
        { label: 'p99', value: m('p99'), unit: 'ms', op: '<=', limit: 50 },
      ],
      notes: [
        `of which 201 → seen in Kafka by a consumer: p50 ${fmt(m('kafkaP50'))} ms (rounds ${list('kafkaP50')}), p99 ${fmt(m('kafkaP99'))} ms (rounds ${list('kafkaP99')})`,
        `split by the message's CreateTime (when the relay sent it; 1 ms resolution): 201 → relay sends p50 ${fmt(m('sentP50'))} / p99 ${fmt(m('sentP99'))} ms (negative when the relay sent before the 201 reached the client); sent → fetched by a consumer p50 ${fmt(m('fetchedP50'))} / p99 ${fmt(m('fetchedP99'))} ms`,
        ...(floor
          ? [`at ${RATE / 10}/s instead (one round, ${floor.sent} transactions): 201 → counted p50 ${fmt(floor.p50)} / p99 ${fmt(floor.p99)} ms; 201 → relay sends p50 ${fmt(floor.sentP50)} / p99 ${fmt(floor.sentP99)} ms; sent → fetched p50 ${fmt(floor.fetchedP50)} / p99 ${fmt(floor.fetchedP99)} ms`]
          : []),
      ],
    };
  },
};
