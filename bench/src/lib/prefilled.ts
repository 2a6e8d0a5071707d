import type { BenchContext } from './row.js';
import { deleteTopic } from './kafka-tools.js';
import { prefillTopic, type PrefilledTopic } from './prefill.js';

/** The million-event topic B5 and B6 read, filled once per run and deleted when the run ends. */
export function prefilledTopic(ctx: BenchContext): Promise<PrefilledTopic> {
  return ctx.once('prefilled-topic', async () => {
    const infra = await ctx.infra();
    const topic = `bench.prefill.${Date.now()}`;
    const events = ctx.prefillEvents ?? (ctx.quick ? 20_000 : 1_000_000);
    ctx.log(`pre-filling ${topic} with ${events.toLocaleString('en-US')} transaction.created events…`);
    ctx.onCleanup(() => deleteTopic(infra.brokers, topic));
    const filled = await prefillTopic(infra.brokers, topic, events, ctx.quick ? 200 : 10_000);
    ctx.log(`pre-filled in ${filled.seconds.toFixed(1)} s (${filled.megabytes.toFixed(0)} MB, ${Math.round(events / filled.seconds)} events/s)`);
    return filled;
  });
}
