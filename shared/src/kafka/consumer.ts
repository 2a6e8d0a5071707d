import type { Consumer as KafkaConsumer, EachMessagePayload } from 'kafkajs';
import type { TopicContract } from '../events/index.js';
import { kafkaClient, type KafkaConnection } from './connection.js';
import { createPublisherForDeadLetters, type DeadLetterSink } from './dead-letter.js';

export interface MessageMeta {
  topic: string;
  partition: number;
  offset: string;
}

export interface ConsumeOptions<E> {
  topic: string;
  contract: TopicContract<E>;
  groupId: string;
  fromBeginning: boolean;
  /** Where messages that fail to parse or validate go, with the reason; skipped when unset. */
  deadLetterTopic?: string;
  handle(event: E, meta: MessageMeta): Promise<void> | void;
  /** Called for every message that was dead-lettered, after it was. */
  onRejected?(reason: string, meta: MessageMeta): void;
}

export interface RunningConsumer {
  stop(): Promise<void>;
}

/** An error a handler throws to have kafkajs retry the message instead of dead-lettering it. */
export class RetriableError extends Error {
  override name = 'RetriableError';
  readonly retriable = true;
}

/** Why a message was refused, or the event it carries. Shared by the per-message and batch consumers. */
export function decode<E>(contract: TopicContract<E>, value: Buffer | null): { event: E } | { reason: string } {
  if (!value) return { reason: 'empty message' };
  let json: unknown;
  try {
    json = JSON.parse(value.toString('utf8'));
  } catch {
    return { reason: 'invalid JSON' };
  }
  const result = contract.schema.safeParse(json);
  if (result.success) return { event: result.data };
  const [first] = result.error.issues;
  // A discriminated union reports an unknown type as a bad discriminator: say so plainly, an
  // operator reading the dead-letter topic looks for "unknown event_type" first.
  if (first?.code === 'invalid_union' && 'discriminator' in first) {
    const field = String(first.discriminator);
    const value = (json as Record<string, unknown>)[field];
    return { reason: `unknown ${field}: ${JSON.stringify(value) ?? 'missing'}` };
  }
  return { reason: `schema violation: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}` };
}

/**
 * Consumes `topic`, validating each message against the contract. A bad message is logged,
 * dead-lettered and skipped, so it never stalls its partition; only retriable errors are
 * thrown back for kafkajs to retry.
 */
export async function consume<E>(connection: KafkaConnection, options: ConsumeOptions<E>): Promise<RunningConsumer> {
  const { logger } = connection;
  const consumer: KafkaConsumer = kafkaClient(connection).consumer({ groupId: options.groupId, allowAutoTopicCreation: false });
  const deadLetters: DeadLetterSink | undefined = options.deadLetterTopic
    ? await createPublisherForDeadLetters(connection, options.deadLetterTopic)
    : undefined;

  async function eachMessage({ topic, partition, message }: EachMessagePayload) {
    const meta = { topic, partition, offset: message.offset };
    const decoded = decode(options.contract, message.value);
    if ('reason' in decoded) {
      logger.warn({ ...meta, reason: decoded.reason }, 'rejected message');
      await deadLetters?.send(message, decoded.reason, meta);
      options.onRejected?.(decoded.reason, meta);
      return;
    }
    await options.handle(decoded.event, meta);
  }

  await consumer.connect();
  await consumer.subscribe({ topic: options.topic, fromBeginning: options.fromBeginning });
  await consumer.run({ eachMessage });
  return {
    async stop() {
      await consumer.disconnect();
      await deadLetters?.disconnect();
    },
  };
}
