import type { Admin } from 'kafkajs';
import { kafkaClient, type KafkaConnection } from './connection.js';

export interface TopicSpec {
  name: string;
  partitions: number;
  /** Topic-level settings such as `retention.ms`, applied only when the topic is created. */
  configs?: Record<string, string>;
}

const LEADERS_TIMEOUT_MS = 30_000;

/**
 * Creates the topics that are missing (existing ones are left as they are) and resolves once
 * every partition of every named topic has a leader, so a producer or consumer can use them.
 */
export async function ensureTopics(connection: KafkaConnection, topics: TopicSpec[]): Promise<void> {
  const admin = kafkaClient(connection).admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((t) => !existing.has(t.name));
    if (missing.length > 0) {
      // Not kafkajs's own wait for leaders (its default): it gives up on UNKNOWN_TOPIC_OR_PARTITION,
      // which a broker that has just started answers for a moment after the topic was created.
      await admin.createTopics({
        waitForLeaders: false,
        topics: missing.map((t) => ({
          topic: t.name,
          numPartitions: t.partitions,
          replicationFactor: 1,
          configEntries: Object.entries(t.configs ?? {}).map(([name, value]) => ({ name, value })),
        })),
      });
    }
    await waitForLeaders(admin, topics.map((t) => t.name));
  } finally {
    await admin.disconnect();
  }
}

async function waitForLeaders(admin: Admin, names: string[]): Promise<void> {
  const deadline = Date.now() + LEADERS_TIMEOUT_MS;
  for (;;) {
    let waitingFor: unknown;
    try {
      const { topics } = await admin.fetchTopicMetadata({ topics: names });
      const leaderless = topics.filter((t) => t.partitions.length === 0 || t.partitions.some((p) => p.leader < 0));
      if (leaderless.length === 0) return;
      waitingFor = `no leader yet for ${leaderless.map((t) => t.name).join(', ')}`;
    } catch (err) {
      // Retriable errors (unknown topic, no leader) are the broker catching up; others are real.
      if (!(err as { retriable?: boolean }).retriable) throw err;
      waitingFor = err;
    }
    if (Date.now() > deadline) throw new Error(`topics not ready within ${LEADERS_TIMEOUT_MS} ms: ${String(waitingFor)}`, { cause: waitingFor });
    await new Promise((resolve) => setTimeout(resolve, 100));
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
