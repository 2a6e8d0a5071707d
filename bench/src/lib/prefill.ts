import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { TRANSACTION_CREATED, transactionCreatedSchema, type TransactionCreated } from '@paymesh/shared/events';
import { topicEndOffsets } from '@paymesh/shared/kafka';
import { createLogger } from '@paymesh/shared/logger';
import { createTopic, runKafkaTool } from './kafka-tools.js';

export interface PrefilledTopic {
  topic: string;
  events: number;
  users: number;
  /** Sum of every event's amount, in cents: what a correct fold must report. */
  totalCents: number;
  seconds: number;
  megabytes: number;
}

function createdEvent(userId: string, cents: number, at: string): TransactionCreated {
  return {
    event_id: randomUUID(),
    version: 1,
    occurred_at: at,
    event_type: TRANSACTION_CREATED,
    transaction_id: randomUUID(),
    user_id: userId,
    amount: cents / 100,
    description: 'bench pre-fill',
    timestamp: at,
  };
}

/**
 * Fills a new 6-partition topic with `count` valid transaction.created events keyed by user,
 * through the broker's own ConsoleProducer (batched, idempotent): a million events take seconds,
 * where a Node producer would spend its time encoding. The first events are checked against the
 * contract so a drift in the schema fails here rather than as a million dead letters.
 */
export async function prefillTopic(brokers: string[], topic: string, count: number, userCount: number): Promise<PrefilledTopic> {
  await createTopic(brokers, topic, 6);
  const users = Array.from({ length: userCount }, () => randomUUID());
  let totalCents = 0;
  let bytes = 0;
  const feed = async (stdin: Writable) => {
    const at = new Date().toISOString();
    const chunk = 2000;
    for (let i = 0; i < count; i += chunk) {
      let lines = '';
      for (let j = i; j < Math.min(count, i + chunk); j += 1) {
        const userId = users[j % userCount]!;
        const cents = 1 + ((j * 7919) % 10_000);
        totalCents += cents;
        const event = createdEvent(userId, cents, at);
        if (j < 10) transactionCreatedSchema.parse(event);
        lines += `${userId}\t${JSON.stringify(event)}\n`;
      }
      bytes += Buffer.byteLength(lines);
      if (!stdin.write(lines)) await once(stdin, 'drain');
    }
    stdin.end();
  };
  const run = await runKafkaTool(
    'org.apache.kafka.tools.ConsoleProducer',
    [
      '--bootstrap-server', brokers.join(','),
      '--topic', topic,
      '--reader-property', 'parse.key=true',
      '--reader-property', 'key.separator=\t',
      // The tool's 1.5 s request timeout expires on a busy machine, and a plain producer's retry
      // then writes the batch twice; an idempotent one is deduplicated by the broker.
      '--command-property', 'acks=all',
      '--command-property', 'enable.idempotence=true',
      '--command-property', 'linger.ms=20',
      '--command-property', 'batch.size=524288',
      '--command-property', 'buffer.memory=134217728',
      // No compression: kafkajs, which analytics reads with, decodes only gzip without plugins.
      '--command-property', 'compression.type=none',
    ],
    feed,
  );
  const ends = await topicEndOffsets({ brokers, clientId: 'paymesh-bench', logger: createLogger('bench', 'warn') }, topic);
  const written = [...ends.values()].reduce((sum, end) => sum + Number(end), 0);
  if (written !== count) throw new Error(`pre-fill wrote ${written} events to ${topic}, expected ${count}`);
  return { topic, events: count, users: userCount, totalCents, seconds: run.seconds, megabytes: bytes / 2 ** 20 };
}
