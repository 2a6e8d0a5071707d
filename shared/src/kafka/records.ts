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
  onRecord: (key: string | null, value: Buffer | null, partition: number, offset: number) => void,
): Promise<void> {
  const ranges = await topicOffsetRanges(connection, topic);
  await readTopicRanges(connection, topic, new Map([...ranges].map(([partition, { low, high }]) => [partition, { from: low, to: high }])), options, onRecord);
}

/** Offsets `from` (inclusive) to `to` (exclusive) of one partition. */
export interface OffsetSpan {
  from: number;
  to: number;
}

/**
 * Reads the records of the given offset spans of `topic`, in offset order per partition, then
 * leaves: a store that knows roughly where its records sit reads only those, not the whole log.
 * Offsets a compaction removed are simply absent.
 */
export async function readTopicRanges(
  connection: KafkaConnection,
  topic: string,
  spans: ReadonlyMap<number, OffsetSpan>,
  options: ReadToEndOptions,
  onRecord: (key: string | null, value: Buffer | null, partition: number, offset: number) => void,
): Promise<void> {
  const pending = new Set([...spans].filter(([, { from, to }]) => to > from).map(([partition]) => partition));
  if (pending.size === 0) return;
  const consumer = kafkaClient(connection).consumer({
    groupId: `${options.groupPrefix}-${randomUUID()}`,
    allowAutoTopicCreation: false,
    maxBytesPerPartition: options.maxBytesPerPartition,
    maxWaitTimeInMs: 100,
  });
  // A new group starts at the earliest offset; the join is where it may be moved to each span's start.
  consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
    for (const partition of payload.memberAssignment[topic] ?? []) {
      const from = spans.get(partition)?.from;
      if (from !== undefined && pending.has(partition)) consumer.seek({ topic, partition, offset: String(from) });
    }
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`${topic} not read to the offsets asked within ${options.timeoutMs} ms`)), options.timeoutMs);
      consumer.on(consumer.events.CRASH, ({ payload }) => reject(payload.error));
      consumer
        .run({
          autoCommit: false,
          eachBatch: ({ batch }) => {
            const span = spans.get(batch.partition);
            if (!span || !pending.has(batch.partition)) return Promise.resolve();
            for (const message of batch.messages) {
              const offset = Number(message.offset);
              if (offset >= span.to) break;
              // A fetch issued before the seek took effect may still deliver earlier records.
              if (offset >= span.from) onRecord(message.key?.toString('utf8') ?? null, message.value, batch.partition, offset);
            }
            if (Number(batch.lastOffset()) + 1 >= span.to) pending.delete(batch.partition);
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
