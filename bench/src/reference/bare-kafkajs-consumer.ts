import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { transactionsTopic } from '@paymesh/shared/events';

/**
 * The least a kafkajs consumer can do with the topic analytics folds: read every message from
 * the start with analytics' fetch sizes, and (mode) count it, JSON.parse it, or also validate it
 * against the event contract. B5 runs it as a reference between analytics and the Java tool:
 * what the Node client itself costs on this machine. Prints one JSON line.
 * Usage: tsx bench/src/reference/bare-kafkajs-consumer.ts <brokers> <topic> <messages> [raw|json|zod]
 */
const [brokers = 'localhost:9092', topic = 'transactions', countArg = '0', mode = 'raw'] = process.argv.slice(2);
const expected = Number(countArg);
const kafka = new Kafka({ clientId: 'paymesh-bench-bare', brokers: brokers.split(','), logLevel: logLevel.NOTHING });
const consumer = kafka.consumer({
  groupId: `bench-bare-${randomUUID()}`,
  // analytics-service's defaults (FETCH_PARTITION_BYTES, FETCH_MAX_BYTES), so only the work per message differs.
  maxBytesPerPartition: 256 * 1024,
  maxBytes: 1024 * 1024,
  maxWaitTimeInMs: 500,
});

let seen = 0;
let first = 0;
let done!: () => void;
const finished = new Promise<void>((resolve) => (done = resolve));
// Timed from the group join, like ConsumerPerformance's fetch time: the first fetch counts, the join does not.
consumer.on(consumer.events.GROUP_JOIN, () => {
  first = performance.now();
});
await consumer.connect();
await consumer.subscribe({ topic, fromBeginning: true });
await consumer.run({
  autoCommit: false,
  eachBatch: async ({ batch }) => {
    for (const message of batch.messages) {
      if (mode !== 'raw' && message.value) {
        const json: unknown = JSON.parse(message.value.toString('utf8'));
        if (mode === 'zod') transactionsTopic.schema.parse(json);
      }
      seen += 1;
    }
    if (seen >= expected) done();
    return Promise.resolve();
  },
});
await finished;
const seconds = (performance.now() - first) / 1000;
process.stdout.write(`${JSON.stringify({ messages: seen, seconds, rate: seen / seconds, mode })}\n`);
await consumer.disconnect();
