import { randomBytes } from 'node:crypto';
import { Kafka, logLevel, type Consumer, type IHeaders } from 'kafkajs';
import { transactionsTopic, type TransactionEvent } from '@paymesh/shared/events';
import { createPublisher, ensureTopics, type KafkaConnection, type Publisher } from '@paymesh/shared/kafka';
import { createLogger } from '@paymesh/shared/logger';

export const brokers = () => (process.env.KAFKA_BROKERS ?? 'localhost:9092').split(',');

export const connection = (): KafkaConnection => ({ brokers: brokers(), clientId: 'analytics-test', logger: createLogger('analytics-test', 'silent') });

const created: string[] = [];

/** A fresh topic pair per test: no test reads another's events. */
export async function uniqueTopics(partitions = 3): Promise<{ topic: string; dlq: string }> {
  const suffix = randomBytes(5).toString('hex');
  const names = { topic: `test.analytics.${suffix}`, dlq: `test.analytics.${suffix}.dlq` };
  // The service creates the snapshot topic itself, on first use; it is removed with the others.
  created.push(names.topic, names.dlq, `${names.topic}.analytics-snapshots`);
  await ensureTopics(connection(), [
    { name: names.topic, partitions },
    { name: names.dlq, partitions: 1 },
  ]);
  return names;
}

let publisher: Publisher | undefined;

/** Publishes through the same publisher the payment-service uses. */
export async function publish(topic: string, events: TransactionEvent[]): Promise<void> {
  publisher ??= await createPublisher(connection());
  await publisher.publish(topic, transactionsTopic, events);
}

export async function closePublisher(): Promise<void> {
  await publisher?.disconnect();
  publisher = undefined;
}

const rawKafka = () => new Kafka({ clientId: 'analytics-test-raw', brokers: brokers(), logLevel: logLevel.NOTHING });

/** Writes raw bytes, bypassing the contract: the only way a poison message reaches the topic. */
export async function publishRaw(topic: string, messages: { key: string; value: string; headers?: Record<string, string> }[]): Promise<void> {
  const producer = rawKafka().producer({ allowAutoTopicCreation: false });
  await producer.connect();
  try {
    await producer.send({ topic, acks: -1, messages });
  } finally {
    await producer.disconnect();
  }
}

export interface DeadLetter {
  value: string;
  headers: Record<string, string>;
}

/** Reads `count` messages of a dead-letter topic from the beginning, or fails after the deadline. */
export async function readDeadLetters(topic: string, count: number, timeoutMs = 15_000): Promise<DeadLetter[]> {
  const consumer: Consumer = rawKafka().consumer({ groupId: `analytics-test-dlq-${randomBytes(5).toString('hex')}` });
  const found: DeadLetter[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`only ${found.length} of ${count} dead letters within ${timeoutMs} ms`)), timeoutMs);
      void consumer.run({
        eachMessage: ({ message }) => {
          found.push({ value: message.value?.toString('utf8') ?? '', headers: stringHeaders(message.headers) });
          if (found.length >= count) {
            clearTimeout(timer);
            resolve();
          }
          return Promise.resolve();
        },
      });
    });
  } finally {
    await consumer.disconnect();
  }
  return found;
}

function stringHeaders(headers: IHeaders | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(headers ?? {}).map(([k, v]) => [k, String(v)]));
}

/**
 * Removes the topics this file created, once at its end (deleting between tests races the next
 * creation), so repeated runs do not pile partitions up on the shared broker.
 */
export async function deleteCreatedTopics(): Promise<void> {
  if (created.length === 0) return;
  const admin = rawKafka().admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    await admin.deleteTopics({ topics: created.splice(0).filter((t) => existing.has(t)), timeout: 10_000 });
  } finally {
    await admin.disconnect();
  }
}

/** Deletes a topic under a running consumer, the surest way to crash it; recreate() brings it back. */
export async function pullTopic(topic: string, partitions = 3): Promise<{ recreate(): Promise<void> }> {
  const admin = rawKafka().admin();
  await admin.connect();
  try {
    await admin.deleteTopics({ topics: [topic], timeout: 10_000 });
  } finally {
    await admin.disconnect();
  }
  return { recreate: () => ensureTopics(connection(), [{ name: topic, partitions }]) };
}
