import { existsSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '@paymesh/infra/stack';
import { foldRate, startAnalytics } from '../lib/analytics-process.js';
import { consumerPerf } from '../lib/consumer-perf.js';
import { bareKafkajsConsumer } from '../lib/bare-consumer.js';
import { interleavedSides } from '../lib/interleave.js';
import { prefilledTopic } from '../lib/prefilled.js';
import type { BenchRow } from '../lib/row.js';
import { fmt, median, medianWithRounds } from '../lib/stats.js';

export const b5AnalyticsFold: BenchRow = {
  id: 'B5',
  title: 'analytics fold rate on a pre-filled topic / kafka-consumer-perf-test on the same topic',
  target: '≥ 0.2',
  needs: [],
  method:
    'A fresh 6-partition topic is filled with 1,000,000 valid transaction.created events (10,000 users) by the broker\'s ' +
    'ConsoleProducer fed from this process. Each round then reads it all twice, in alternating order: ' +
    'ConsumerPerformance from the same jars with a fresh group (its fetch.nMsg.sec, group join excluded), and a fresh ' +
    'analytics-service process on that topic, whose /stats is polled every 100 ms: the fold rate is the events counted ' +
    'between the first poll that saw an event and the first that saw them all, divided by the time between (start-up excluded). ' +
    'A third side, for reference, is a bare kafkajs consumer (bench/src/reference/bare-kafkajs-consumer.ts) with analytics\' ' +
    'fetch sizes that only counts messages: the Node client\'s own ceiling. Rounds rotate the order; seven of them, ' +
    'because the Java tool\'s rate swings by 2x between back-to-back runs.',
  async run(ctx) {
    const infra = await ctx.infra();
    const filled = await prefilledTopic(ctx);
    // Seven, not three: the Java tool's rate swings by 2x between back-to-back runs on the same
    // topic (498k to 1,047k msg/s in six runs, each a fresh JVM of ~2 s), so a median of three is
    // whichever mode two of them happened to hit.
    const rounds = ctx.rounds(7);
    const withAnalytics = existsSync(path.join(repoRoot, 'analytics-service', 'src', 'main.ts'));
    const notes = [`pre-fill: ${filled.events.toLocaleString('en-US')} events (${fmt(filled.megabytes)} MB) in ${fmt(filled.seconds)} s through ConsoleProducer, idempotent`];

    const perf = async () => {
      const result = await consumerPerf(infra.brokers, filled.topic, filled.events, `bench-cpt-${Date.now()}`);
      ctx.log(`B5 consumer-perf: ${Math.round(result.fetchMsgPerSec)} msg/s fetching, ${Math.round(result.msgPerSec)} msg/s overall`);
      return result.fetchMsgPerSec;
    };
    const fold = async () => {
      if (!withAnalytics) return Number.NaN;
      const analytics = await startAnalytics(infra, filled.topic);
      try {
        const rate = foldRate(analytics.samples, filled.events) ?? filled.events / analytics.readySeconds;
        ctx.log(`B5 analytics: ${Math.round(rate)} events/s folding, ready after ${analytics.readySeconds.toFixed(1)} s`);
        return rate;
      } finally {
        await analytics.stop();
      }
    };

    const bare = async () => {
      const rate = await bareKafkajsConsumer(infra.brokers, filled.topic, filled.events);
      ctx.log(`B5 bare kafkajs consumer: ${Math.round(rate)} msg/s`);
      return rate;
    };
    const runs = await interleavedSides(rounds, { perf, fold, bare });
    const [perfRates, foldRates, bareRates] = [runs.perf, runs.fold, runs.bare];
    const figures = [`kafka-consumer-perf-test: ${medianWithRounds(perfRates, 'msg/s')}`, `(bare kafkajs consumer: ${medianWithRounds(bareRates, 'msg/s')})`];
    notes.push(
      `reference: a bare kafkajs consumer with analytics' fetch sizes, counting messages without decoding them, reads ${fmt(median(bareRates) / median(perfRates))} × the Java tool's rate` +
        (withAnalytics ? `; analytics folds at ${fmt(median(foldRates) / median(bareRates))} × the bare kafkajs rate` : ''),
    );
    if (!withAnalytics) {
      notes.push('analytics-service is not there yet: only the consumer-perf side was measured');
      return { figures, checks: [], notes };
    }
    figures.unshift(`analytics fold: ${medianWithRounds(foldRates, 'events/s')}`);
    return { figures, checks: [{ label: 'fold / consumer-perf', value: median(foldRates) / median(perfRates), unit: '', op: '>=', limit: 0.2 }], notes };
  },
};
