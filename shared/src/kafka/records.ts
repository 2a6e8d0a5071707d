import { randomUUID } from 'node:crypto';
import { topicOffsetRanges } from './admin.js';
import { kafkaClient, type KafkaConnection } from './connection.js';
import { connectOrderedProducer } from './ordered-producer.js';

/** A keyed record with raw bytes; a null value is a tombstone, which compaction later removes with its key. */
export interface KeyedRecord {
  key: string;
  value: Buffer | null;
}

export interface RecordWriter {
  /** Sends the records in order and resolves once every in-sync replica has them. */
  write(topic: string, records: KeyedRecord[]): Promise<void>;
  disconnect(): Promise<void>;
}

/**
 * Writes keyed bytes that follow no event contract (snapshots of a service's own state), with
 * the same ordering and acknowledgement guarantees as the event publisher.
 */
export async function createRecordWriter(connection: KafkaConnection): Promise<RecordWriter> {
  const producer = await connectOrderedProducer(connection);
  return {
    async write(topic, records) {
      if (records.length > 0) await producer.send({ topic, acks: -1, messages: records });
    },
    disconnect: () => producer.disconnect(),
  };
}

export interface ReadToEndOptions {
  groupPrefix: string;
  /** Largest fetch per partition, in bytes: at least the largest record the topic holds. */
  maxBytesPerPartition: number;
  timeoutMs: number;
}

/**
 * Reads every record of `topic` from the start up to the end offsets it had when called, in
 * offset order per partition, then leaves: how a service loads state it keeps in a compacted topic.
 */
export async function readTopicToEnd(
  connection: KafkaConnection,
  topic: string,
  options: ReadToEndOptions,
  onRecord: (key: string | null, value: Buffer | null, partition: number) => void,
): Promise<void> {
  const ends = await topicOffsetRanges(connection, topic);
  const pending = new Set([...ends].filter(([, { low, high }]) => high > low).map(([partition]) => partition));
  if (pending.size === 0) return;
  const consumer = kafkaClient(connection).consumer({
    groupId: `${options.groupPrefix}-${randomUUID()}`,
    allowAutoTopicCreation: false,
    maxBytesPerPartition: options.maxBytesPerPartition,
    maxWaitTimeInMs: 100,
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`${topic} not read to its end within ${options.timeoutMs} ms`)), options.timeoutMs);
      consumer.on(consumer.events.CRASH, ({ payload }) => reject(payload.error));
      consumer
        .run({
          autoCommit: false,
          eachBatch: ({ batch }) => {
            const end = ends.get(batch.partition)?.high ?? 0;
            for (const message of batch.messages) {
              if (Number(message.offset) >= end) break;
              onRecord(message.key?.toString('utf8') ?? null, message.value, batch.partition);
            }
            if (Number(batch.lastOffset()) + 1 >= end) pending.delete(batch.partition);
            if (pending.size === 0) resolve();
            return Promise.resolve();
          },
        })
        .catch(reject);
    });
  } finally {
    clearTimeout(timer);
    await consumer.disconnect();
  }
}
