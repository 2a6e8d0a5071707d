import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import type { TransactionEvent } from '@paymesh/shared/events';
import { waitFor } from '@paymesh/infra/testing';

export interface RecordRead {
  key: string | undefined;
  event: TransactionEvent;
  partition: number;
  /** The record's CreateTime, stamped by the producer when the relay sent it. */
  timestamp: number;
  receivedAt: number;
  headers: Record<string, string | undefined>;
}

export interface TopicReader {
  records: RecordRead[];
  waitForCount(count: number, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Reads a test topic from the beginning with a raw kafkajs consumer: unlike the shared
 * `replayTopic`, it exposes each record's key, partition and timestamp, which the tests assert on.
 */
export async function readTopic(topic: string): Promise<TopicReader> {
  const kafka = new Kafka({ clientId: 'payment-test-reader', brokers: process.env.KAFKA_BROKERS!.split(','), logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({ groupId: `payment-test-${randomUUID()}`, maxWaitTimeInMs: 100 });
  const records: RecordRead[] = [];
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachMessage: ({ partition, message }) => {
      records.push({
        key: message.key?.toString('utf8'),
        // Parsed, not validated: the tests check the shape against the shared contract themselves.
        event: JSON.parse(message.value!.toString('utf8')) as TransactionEvent,
        partition,
        timestamp: Number(message.timestamp),
        receivedAt: Date.now(),
        headers: Object.fromEntries(Object.entries(message.headers ?? {}).map(([name, value]) => [name, value?.toString()])),
      });
      return Promise.resolve();
    },
  });
  return {
    records,
    waitForCount: (count, timeoutMs = 15_000) => waitFor(`${count} records on ${topic} (have ${records.length})`, () => records.length >= count, timeoutMs),
    stop: () => consumer.disconnect(),
  };
}
