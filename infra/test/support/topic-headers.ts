import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';

export interface ReadMessage {
  value: Record<string, unknown>;
  headers: Record<string, string>;
}

export interface TopicHeadersReader {
  messages: ReadMessage[];
  stop(): Promise<void>;
}

/** Reads a topic from its start in a group of its own, keeping each message's JSON value and its headers as text. */
export async function readTopicWithHeaders(brokers: string[], topic: string): Promise<TopicHeadersReader> {
  const kafka = new Kafka({ clientId: `headers-reader-${randomUUID()}`, brokers, logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({ groupId: `headers-reader-${randomUUID()}` });
  const messages: ReadMessage[] = [];
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachMessage: ({ message }) => {
      const headers = Object.fromEntries(Object.entries(message.headers ?? {}).map(([name, value]) => [name, String(value)]));
      messages.push({ value: JSON.parse(message.value?.toString() ?? 'null') as Record<string, unknown>, headers });
      return Promise.resolve();
    },
  });
  return { messages, stop: () => consumer.disconnect() };
}
