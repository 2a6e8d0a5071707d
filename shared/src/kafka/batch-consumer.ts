import { randomUUID } from 'node:crypto';
import type { Consumer as KafkaConsumer, EachBatchPayload, IHeaders } from 'kafkajs';
import type { TopicContract } from '../events/index.js';
import { kafkaClient, type KafkaConnection } from './connection.js';
import { decode } from './decode.js';
import { createPublisherForDeadLetters, type DeadLetterSink } from './dead-letter.js';
import { traceIdIn } from '../tracing/trace-context.js';

export type StreamStatus = 'starting' | 'running' | 'crashed' | 'stopped';

export interface ReplayOptions<E> {
  topic: string;
  contract: TopicContract<E>;
  /** Prefix of the consumer group; a random suffix makes every run its own group, so it is assigned every partition. */
  groupPrefix: string;
  deadLetterTopic: string;
  /**
   * The next offset the caller still needs in `partition` (undefined: from the earliest).
   * Messages below it are skipped without being decoded, and every (re)join seeks to it, so a
   * restarted consumer resumes where the caller's state ends instead of handing messages over twice.
   */
  position: (partition: number) => number | undefined;
  /**
   * Each valid event, in offset order per partition. Synchronous: the fold must not wait.
   * Positional arguments, not a metadata object: this runs for every message of a replay.
   * `headers` carry the trace the event belongs to, if any.
   */
  onEvent(event: E, partition: number, offset: number, headers?: IHeaders): void;
  /** Each refused message, after its copy reached the dead-letter topic. */
  onRejected(reason: string, partition: number, offset: number): void;
  /** After each batch: the partition's end offset as the broker last reported it, for lag. */
  onBatchEnd?(partition: number, highWatermark: number): void;
  onStatus?(status: StreamStatus, error?: Error): void;
  /** Largest fetch per partition and per request, in bytes: throughput against memory. */
  fetchBytes?: { perPartition: number; total: number };
  /** First back-off before restarting a crashed consumer; doubles up to 30 s. */
  restartDelayMs?: number;
}

export interface ReplayingConsumer {
  stop(): Promise<void>;
}

/**
 * Reads every partition of a topic from the beginning, batch by batch, as a private consumer
 * group that commits nothing: the caller's in-memory state is the only position. Bad messages
 * are dead-lettered with the reason and skipped. A crash kafkajs gives up on is restarted here,
 * with back-off, so no human is needed after a broker outage.
 */
export function replayTopic<E>(connection: KafkaConnection, options: ReplayOptions<E>): ReplayingConsumer {
  const logger = connection.logger.child({ component: 'replay', topic: options.topic });
  let consumer: KafkaConsumer | undefined;
  let deadLetters: DeadLetterSink | undefined;
  let stopped = false;
  let restartTimer: NodeJS.Timeout | undefined;
  let delay = options.restartDelayMs ?? 1000;

  async function eachBatch(payload: EachBatchPayload) {
    const { batch } = payload;
    const { topic, partition } = batch;
    let handled: string | undefined;
    try {
      const { messages } = batch;
      // Read once: within the batch only our own calls move it, and always past the offset just handled.
      const from = options.position(partition) ?? 0;
      for (let i = 0; i < messages.length; i++) {
        const message = messages[i]!;
        // Checked every 256 messages: the checks are map lookups and a batch holds thousands.
        if ((i & 255) === 0 && (!payload.isRunning() || payload.isStale())) return;
        const offset = Number(message.offset);
        if (offset >= from) {
          const decoded = decode(options.contract, message.value);
          if ('event' in decoded) {
            options.onEvent(decoded.event, partition, offset, message.headers);
          } else {
            // With the trace of the request that sent it, when it carries one, to find where it came from.
            logger.warn({ partition, offset, reason: decoded.reason, trace_id: traceIdIn(message.headers?.traceparent?.toString()) }, 'rejected message');
            // Awaited before the caller counts it: if the copy fails, the batch is retried from here.
            await deadLetters!.send(message, decoded.reason, { topic, partition, offset: message.offset });
            options.onRejected(decoded.reason, partition, offset);
            await payload.heartbeat();
          }
        }
        handled = message.offset;
      }
    } finally {
      // Resolved by hand, up to what was handled: an early return must not skip the rest.
      if (handled !== undefined) payload.resolveOffset(handled);
    }
    options.onBatchEnd?.(partition, Number(batch.highWatermark));
  }

  async function start() {
    const groupId = `${options.groupPrefix}-${randomUUID()}`;
    options.onStatus?.('starting');
    deadLetters ??= await createPublisherForDeadLetters(connection, options.deadLetterTopic);
    const current = kafkaClient(connection).consumer({
      groupId,
      allowAutoTopicCreation: false,
      maxBytesPerPartition: options.fetchBytes?.perPartition ?? 1024 * 1024,
      maxBytes: options.fetchBytes?.total ?? 10 * 1024 * 1024,
      maxWaitTimeInMs: 500,
    });
    consumer = current;
    if (stopped) return;
    current.on(current.events.GROUP_JOIN, ({ payload }) => {
      for (const partition of payload.memberAssignment[options.topic] ?? []) {
        const next = options.position(partition);
        if (next !== undefined) current.seek({ topic: options.topic, partition, offset: String(next) });
      }
      delay = options.restartDelayMs ?? 1000;
      options.onStatus?.('running');
    });
    current.on(current.events.CRASH, ({ payload }) => {
      options.onStatus?.('crashed', payload.error);
      if (!payload.restart) scheduleRestart(payload.error);
    });
    await current.connect();
    await current.subscribe({ topic: options.topic, fromBeginning: true });
    await current.run({ autoCommit: false, eachBatchAutoResolve: false, eachBatch });
  }

  function scheduleRestart(error: Error) {
    if (stopped) return;
    logger.error({ err: error, retry_in_ms: delay }, 'consumer crashed; restarting it');
    const previous = consumer;
    restartTimer = setTimeout(() => {
      void previous?.disconnect().catch(() => undefined);
      start().catch((err: Error) => {
        options.onStatus?.('crashed', err);
        scheduleRestart(err);
      });
    }, delay);
    delay = Math.min(delay * 2, 30_000);
  }

  start().catch((err: Error) => {
    options.onStatus?.('crashed', err);
    scheduleRestart(err);
  });

  return {
    async stop() {
      stopped = true;
      clearTimeout(restartTimer);
      await consumer?.disconnect();
      await deadLetters?.disconnect();
      options.onStatus?.('stopped');
    },
  };
}
