import { topicEndOffsets } from '@paymesh/shared/kafka';
import { createLogger } from '@paymesh/shared/logger';
import { nodeMemoryOf, snapshotLoadIn, type NodeMemory, type SnapshotLoad } from '../lib/analytics-memory.js';
import { buildAnalyticsBundle, startAnalytics } from '../lib/analytics-process.js';
import { deleteTopic } from '../lib/kafka-tools.js';
import { prefillTopic, type PrefilledTopic } from '../lib/prefill.js';
import { prefilledTopic } from '../lib/prefilled.js';
import type { BenchContext, BenchRow } from '../lib/row.js';
import { fmt, median } from '../lib/stats.js';

interface Restart {
  events: number;
  ready: number[];
  rss: number[];
  /** Where the memory sat, and what the snapshot load read, round by round. */
  heap: NodeMemory[];
  loads: (SnapshotLoad | undefined)[];
  /** Records in the snapshot topic when the restarts began: every snapshot the first start wrote. */
  snapshotRecords: number;
  exact: boolean;
}

/** The snapshot topic analytics-service derives from the topic it reads (its default). */
const snapshotTopicOf = (topic: string) => `${topic}.analytics-snapshots`;

/**
 * A first start folds the whole topic and leaves a snapshot at its clean stop (as any running
 * instance would have, periodically); the restarts after it are what is measured.
 */
async function restarts(ctx: BenchContext, filled: PrefilledTopic): Promise<Restart> {
  const infra = await ctx.infra();
  ctx.onCleanup(() => deleteTopic(infra.brokers, snapshotTopicOf(filled.topic)).catch(() => undefined));
  const first = await startAnalytics(infra, filled.topic, { bundled: true });
  ctx.log(`B9 first start on ${filled.events.toLocaleString('en-US')} events (whole topic) ready after ${first.readySeconds.toFixed(1)} s`);
  await first.stop();
  const snapshotEnds = await topicEndOffsets({ brokers: infra.brokers, clientId: 'paymesh-bench', logger: createLogger('bench', 'warn') }, snapshotTopicOf(filled.topic));
  const snapshotRecords = [...snapshotEnds.values()].reduce((sum, end) => sum + Number(end), 0);
  const result: Restart = { events: filled.events, ready: [], rss: [], heap: [], loads: [], snapshotRecords, exact: true };
  for (let round = 0; round < ctx.rounds(3); round += 1) {
    // At info, the service logs what its snapshot load read.
    const analytics = await startAnalytics(infra, filled.topic, { bundled: true, logLevel: 'info' });
    try {
      const memory = analytics.memory();
      result.heap.push(await nodeMemoryOf(analytics.url));
      result.loads.push(snapshotLoadIn(analytics.logFile));
      const stats = (await analytics.stats()) as { total_transactions: number; total_amount: number };
      result.ready.push(analytics.readySeconds);
      result.rss.push(memory.serviceMb);
      result.exact &&= stats.total_transactions === filled.events && Math.round(stats.total_amount * 100) === filled.totalCents;
      ctx.log(`B9 restart on ${filled.events.toLocaleString('en-US')} events ready after ${analytics.readySeconds.toFixed(1)} s, RSS ${memory.serviceMb.toFixed(0)} MB`);
    } finally {
      await analytics.stop();
    }
  }
  return result;
}

/** The resident memory of the median round, split by where it sits: what explains a miss. */
function breakdown(r: Restart): string {
  const m = median(r.rss);
  const i = r.rss.reduce((best, rss, k) => (Math.abs(rss - m) < Math.abs(r.rss[best]! - m) ? k : best), 0);
  const heap = r.heap[i]!;
  const load = r.loads[i];
  const rest = r.rss[i]! - heap.heapMb - heap.externalMb;
  const read = load
    ? `the snapshot load read ${load.recordsRead} of the ${r.snapshotRecords} records in the snapshot topic (snapshot ${fmt(load.bytes / 2 ** 20)} MB) in ${load.loadMs} ms`
    : 'no snapshot was loaded (a full replay)';
  return (
    `${r.events.toLocaleString('en-US')} events, RSS ${fmt(r.rss[i]!)} MB: V8 heap ${fmt(heap.heapMb)} MB committed ` +
    `(young generation ${fmt(heap.youngMb)} MB; ${fmt(heap.heapUsedMb)} MB of the heap in use), external ${fmt(heap.externalMb)} MB, ` +
    `the rest (code, Node's and libraries' native memory, freed pages not yet returned) ${fmt(rest)} MB; ${read}`
  );
}

export const b9AnalyticsRestartAtScale: BenchRow = {
  id: 'B9',
  title: 'analytics restart with 10,000,000 events in the topic against 1,000,000: time until /ready is 200, resident memory',
  target: 'ratio ≤ 1.2; ≤ 5 s; ≤ 300 MB',
  needs: ['analytics-service'],
  method:
    'Two topics, B5/B6\'s pre-filled one and one ten times its size (10,000 users, events without a user sequence, so the ' +
    'dedupe windows are full and travel in the snapshot). On each, analytics-service is started once to fold the whole ' +
    'topic and stopped cleanly, which writes its snapshot; then it is restarted as its own process, as often as the rounds, ' +
    'from the esbuild bundle its image runs (built first; tsx compiling the source at start took 1.5 to 2 s more on a busy machine), ' +
    'and the time from spawn to the first 200 from /ready, the resident memory (VmRSS) of the service\'s node process, and ' +
    '/stats against the pre-fill\'s sums are taken. Median of the rounds; the ratio is large over small. Where that memory ' +
    'sits is read from the service\'s /metrics (V8 heap by space, external memory) and what the snapshot load read from its log.',
  async run(ctx) {
    const infra = await ctx.infra();
    await buildAnalyticsBundle();
    const small = await prefilledTopic(ctx);
    const bigTopic = `bench.prefill.large.${Date.now()}`;
    // Quick mode only proves the row still runs, so its large topic is just twice the small one.
    const bigEvents = small.events * (ctx.quick ? 2 : 10);
    ctx.log(`pre-filling ${bigTopic} with ${bigEvents.toLocaleString('en-US')} transaction.created events…`);
    ctx.onCleanup(() => deleteTopic(infra.brokers, bigTopic));
    const big = await prefillTopic(infra.brokers, bigTopic, bigEvents, small.users);
    ctx.log(`pre-filled in ${big.seconds.toFixed(1)} s (${big.megabytes.toFixed(0)} MB)`);
    const one = await restarts(ctx, small);
    const ten = await restarts(ctx, big);
    const ratio = median(ten.ready) / median(one.ready);
    const rss = Math.max(median(one.rss), median(ten.rss));
    const count = (r: Restart) => r.events.toLocaleString('en-US');
    return {
      figures: [
        `${count(ten)} events: ready after ${fmt(median(ten.ready))} s (rounds: ${ten.ready.map((s) => fmt(s)).join(' · ')}), RSS ${fmt(median(ten.rss))} MB`,
        `${count(one)} events: ready after ${fmt(median(one.ready))} s (rounds: ${one.ready.map((s) => fmt(s)).join(' · ')}), RSS ${fmt(median(one.rss))} MB`,
        `ratio ${fmt(ratio)}`,
      ],
      checks: [
        { label: 'restart ratio, 10× the events', value: ratio, unit: '', op: '<=', limit: 1.2 },
        { label: 'restart to ready', value: median(ten.ready), unit: 's', op: '<=', limit: 5 },
        { label: 'RSS', value: rss, unit: 'MB', op: '<=', limit: 300 },
      ],
      notes: [
        breakdown(ten),
        breakdown(one),
        one.exact && ten.exact
          ? 'after every restart /stats matched the pre-fill exactly'
          : `/stats did NOT match the pre-fill after a restart (${count(one)}: ${one.exact}, ${count(ten)}: ${ten.exact})`,
      ],
    };
  },
};
