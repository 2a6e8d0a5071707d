import { startAnalytics } from '../lib/analytics-process.js';
import { prefilledTopic } from '../lib/prefilled.js';
import type { BenchRow } from '../lib/row.js';
import { fmt, median } from '../lib/stats.js';

export const b6AnalyticsRestart: BenchRow = {
  id: 'B6',
  title: 'analytics restart with 1,000,000 events in the topic: time until /ready is 200; resident memory after the fold',
  target: '≤ 30 s; ≤ 300 MB',
  needs: ['analytics-service'],
  method:
    'analytics-service is started as its own process on the pre-filled topic of B5 (it keeps no state outside Kafka, so every ' +
    'start, restart included, replays the topic); the time from spawn to the first 200 from /ready is measured, then the ' +
    'resident memory (VmRSS) of the node process running the service (tsx\'s launcher excluded), and /stats is checked ' +
    'against the sums written by the pre-fill. Median of the rounds.',
  async run(ctx) {
    const infra = await ctx.infra();
    const filled = await prefilledTopic(ctx);
    const ready: number[] = [];
    const rss: number[] = [];
    const notes: string[] = [];
    for (let round = 0; round < ctx.rounds(2); round += 1) {
      const analytics = await startAnalytics(infra, filled.topic);
      try {
        const memory = analytics.memory();
        const stats = (await analytics.stats()) as { total_transactions: number; total_amount: number };
        ready.push(analytics.readySeconds);
        rss.push(memory.serviceMb);
        ctx.log(`B6 ready after ${analytics.readySeconds.toFixed(1)} s, RSS ${memory.serviceMb.toFixed(0)} MB (tree ${memory.treeMb.toFixed(0)} MB)`);
        const exact = stats.total_transactions === filled.events && Math.round(stats.total_amount * 100) === filled.totalCents;
        if (round === 0) {
          notes.push(
            exact
              ? `after the fold /stats matched the pre-fill exactly: ${filled.events.toLocaleString('en-US')} transactions, ${(filled.totalCents / 100).toFixed(2)} total`
              : `/stats did NOT match the pre-fill: ${JSON.stringify(stats)} vs ${filled.events} transactions, ${filled.totalCents / 100}`,
            `resident memory of the whole process tree (tsx launcher + service): ${memory.treeMb.toFixed(0)} MB`,
          );
        }
      } finally {
        await analytics.stop();
      }
    }
    return {
      figures: [
        `ready after: ${fmt(median(ready))} s (rounds: ${ready.map((s) => fmt(s)).join(' · ')})`,
        `RSS after the fold: ${fmt(median(rss))} MB (rounds: ${rss.map((m) => fmt(m)).join(' · ')})`,
        `${filled.events.toLocaleString('en-US')} events in the topic`,
      ],
      checks: [
        { label: 'restart to ready', value: median(ready), unit: 's', op: '<=', limit: 30 },
        { label: 'RSS', value: median(rss), unit: 'MB', op: '<=', limit: 300 },
      ],
      notes,
    };
  },
};
