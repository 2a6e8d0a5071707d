/**
 * Measures the fold on this machine: fills a topic with N events (once; reused when it
 * already holds them), starts analytics-service as its own process on it, and reports the
 * time to /ready, the fold rate and the resident memory after the fold.
 *   npx tsx scripts/measure-fold.ts [events=200000] [topic=bench.analytics.<events>]
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { transactionsTopic, type TransactionEvent } from '@paymesh/shared/events';
import { createPublisher, ensureTopics, topicOffsetRanges, type KafkaConnection } from '@paymesh/shared/kafka';
import { createLogger } from '@paymesh/shared/logger';
import { loadAnalyticsConfig } from '../src/config.js';

const events = Number(process.argv[2] ?? 200_000);
const topic = process.argv[3] ?? `bench.analytics.${events}`;
const brokers = loadAnalyticsConfig().KAFKA_BROKERS;
const connection: KafkaConnection = { brokers, clientId: 'measure-fold', logger: createLogger('measure-fold', 'warn') };
const USERS = 10_000;

function eventAt(i: number, users: string[]): TransactionEvent {
  const now = new Date(Date.now() - (events - i) * 10).toISOString();
  const envelope = { event_id: randomUUID(), version: 1 as const, occurred_at: now, timestamp: now, user_id: users[i % USERS]! };
  return i % 5 === 4
    ? { ...envelope, event_type: 'transaction.paid', transactions_paid: 1, transaction_ids: [randomUUID()], amount_paid: 12.34 }
    : { ...envelope, event_type: 'transaction.created', transaction_id: randomUUID(), amount: 12.34, description: 'bench purchase' };
}

async function fill() {
  await ensureTopics(connection, [{ name: topic, partitions: 6 }, { name: `${topic}.dlq`, partitions: 1 }]);
  const present = [...(await topicOffsetRanges(connection, topic)).values()].reduce((n, r) => n + r.high - r.low, 0);
  if (present >= events) return console.log(`topic ${topic} already holds ${present} events`);
  const users = Array.from({ length: USERS }, () => randomUUID());
  const publisher = await createPublisher(connection);
  const started = Date.now();
  for (let i = present; i < events; i += 2000) {
    await publisher.publish(topic, transactionsTopic, Array.from({ length: Math.min(2000, events - i) }, (_, j) => eventAt(i + j, users)));
  }
  await publisher.disconnect();
  console.log(`filled ${topic} with ${events - present} events in ${Date.now() - started} ms`);
}

const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

async function measure() {
  const port = 18000 + Math.floor(Math.random() * 1000);
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    // The child is configured like any deployment: through its environment.
    // eslint-disable-next-line no-restricted-properties
    env: { ...process.env, PORT: String(port), TRANSACTIONS_TOPIC: topic, DLQ_TOPIC: `${topic}.dlq`, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let replayMs = 0;
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    const match = /"replay_ms":(\d+)/.exec(output);
    if (match) replayMs = Number(match[1]);
    output = output.slice(output.lastIndexOf('\n') + 1);
  });
  for (;;) {
    const ok = await fetch(`http://127.0.0.1:${port}/ready`).then((r) => r.ok, () => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const readyMs = performance.now() - started;
  const stats = (await (await fetch(`http://127.0.0.1:${port}/stats`)).json()) as { events_processed: number };
  const rss = rssMb(child.pid!);
  child.kill('SIGTERM');
  console.log(JSON.stringify({
    events: stats.events_processed,
    time_to_ready_ms: Math.round(readyMs),
    replay_ms: replayMs,
    fold_rate_per_s: Math.round(stats.events_processed / (replayMs / 1000)),
    rss_mb: Math.round(rss),
  }));
}

await fill();
await measure();
