import { kafkaClient, type KafkaConnection } from './connection.js';

export interface TopicSpec {
  name: string;
  partitions: number;
  /** Topic-level settings such as `retention.ms`, applied only when the topic is created. */
  configs?: Record<string, string>;
}

/** Creates the topics that are missing; existing ones are left as they are. */
export async function ensureTopics(connection: KafkaConnection, topics: TopicSpec[]): Promise<void> {
  const admin = kafkaClient(connection).admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((t) => !existing.has(t.name));
    if (missing.length > 0) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((t) => ({
          topic: t.name,
          numPartitions: t.partitions,
          replicationFactor: 1,
          configEntries: Object.entries(t.configs ?? {}).map(([name, value]) => ({ name, value })),
        })),
      });
    }
  } finally {
    await admin.disconnect();
  }
}

/** Resolves when the cluster answers a metadata request: the readiness check for Kafka. */
export async function pingKafka(connection: KafkaConnection): Promise<void> {
  const admin = kafkaClient({ ...connection, clientId: `${connection.clientId}-ping` }).admin();
  await admin.connect();
  try {
    await admin.describeCluster();
  } finally {
    await admin.disconnect();
  }
}

/** The latest offset of every partition of `topic`: where "caught up" ends. */
export async function topicEndOffsets(connection: KafkaConnection, topic: string): Promise<Map<number, bigint>> {
  const admin = kafkaClient(connection).admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    return new Map(offsets.map((o) => [o.partition, BigInt(o.high)]));
  } finally {
    await admin.disconnect();
  }
}

export interface PartitionRange {
  /** The earliest offset still in the log: above 0 once retention has deleted the start. */
  low: number;
  /** The offset the next message will get: "caught up" means having read up to here. */
  high: number;
}

/** The first and next offset of every partition of `topic`. */
export async function topicOffsetRanges(connection: KafkaConnection, topic: string): Promise<Map<number, PartitionRange>> {
  const admin = kafkaClient(connection).admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    return new Map(offsets.map((o) => [o.partition, { low: Number(o.low), high: Number(o.high) }]));
  } finally {
    await admin.disconnect();
  }
}
