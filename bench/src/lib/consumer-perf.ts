import { runKafkaTool } from './kafka-tools.js';

export interface ConsumerPerfResult {
  messages: number;
  /** Messages per second over the whole run, group join included. */
  msgPerSec: number;
  /** Messages per second while fetching, group join excluded: the pure read rate. */
  fetchMsgPerSec: number;
  rebalanceMs: number;
  wallSeconds: number;
}

/**
 * kafka-consumer-perf-test (ConsumerPerformance from the broker's jars) reading `messages`
 * from the start of `topic` with a fresh group. Its report is a CSV header and one line.
 */
export async function consumerPerf(brokers: string[], topic: string, messages: number, group: string): Promise<ConsumerPerfResult> {
  const run = await runKafkaTool('org.apache.kafka.tools.ConsumerPerformance', [
    '--bootstrap-server', brokers.join(','),
    '--topic', topic,
    '--num-records', String(messages),
    '--group', group,
    '--timeout', '60000',
  ]);
  const lines = run.stdout.split('\n').map((l) => l.trim()).filter(Boolean);
  const headerIndex = lines.findIndex((l) => l.startsWith('start.time'));
  const header = lines[headerIndex]?.split(/,\s*/);
  const values = lines[headerIndex + 1]?.split(/,\s*/);
  if (!header || !values) throw new Error(`unexpected ConsumerPerformance output: ${run.stdout.slice(0, 500)}`);
  const field = (name: string) => {
    const value = Number(values[header.indexOf(name)]);
    if (!Number.isFinite(value)) throw new Error(`ConsumerPerformance reported no ${name}: ${run.stdout.slice(0, 500)}`);
    return value;
  };
  return {
    messages: field('data.consumed.in.nMsg'),
    msgPerSec: field('nMsg.sec'),
    fetchMsgPerSec: field('fetch.nMsg.sec'),
    rebalanceMs: field('rebalance.time.ms'),
    wallSeconds: run.seconds,
  };
}
