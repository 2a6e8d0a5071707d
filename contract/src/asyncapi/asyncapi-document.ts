import { EVENTS_VERSION, VERSIONING_POLICY } from '../versioning/index.js';
import { payloadOf } from './event-payloads.js';
import { EVENT_SUMMARIES, messageId, type PublishedTopic } from './published-topic.js';

const KAFKA_BINDING = '0.5.0';
const ref = (pointer: string) => ({ $ref: pointer });

const eventHeaders = {
  type: 'object',
  properties: {
    event_type: { type: 'string', description: 'The same as the payload\'s event_type, so a consumer can route without parsing the body.' },
    event_id: { type: 'string', format: 'uuid', description: 'The same as the payload\'s event_id: stable across redeliveries.' },
    traceparent: { type: 'string', description: 'W3C trace context of the request that caused the event, when it was traced.' },
  },
  required: ['event_type', 'event_id'],
};

const userKey = { kafka: { key: { type: 'string', description: 'The user id: one user\'s events stay in order on one partition.' }, bindingVersion: KAFKA_BINDING } };

const message = (name: string, payload: Record<string, unknown>) => ({
  name,
  title: name,
  summary: EVENT_SUMMARIES[name] ?? name,
  contentType: 'application/json',
  headers: eventHeaders,
  payload,
  bindings: userKey,
});

/**
 * The AsyncAPI 3.0 document of paymesh's public Kafka interface: the `transactions` topic that
 * payment-service writes through its outbox, and its dead-letter topic. The analytics snapshot
 * topic is left out on purpose: it is one service's private, versioned store of its own state,
 * and no other party may read or write it.
 */
export function buildAsyncApiDocument(topic: PublishedTopic) {
  const ids = topic.events.map((event) => messageId(event.name));
  const eventMessages: Record<string, ReturnType<typeof message>> = {};
  for (const event of topic.events) eventMessages[messageId(event.name)] = message(event.name, payloadOf(event.schema));
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'paymesh events',
      version: EVENTS_VERSION,
      description: `The events payment-service publishes and analytics-service consumes. Delivery is at least once: a consumer recognises a redelivered copy by \`event_id\` (and, when present, by \`user_seq\`, increasing per user).\n\n${VERSIONING_POLICY}`,
    },
    defaultContentType: 'application/json',
    servers: {
      local: { host: 'localhost:9092', protocol: 'kafka', description: 'The broker `npm start` runs (KRaft, PLAINTEXT).' },
    },
    channels: {
      transactions: {
        address: topic.name,
        title: 'Transaction events',
        description: 'Every accepted create and every pay-all, keyed by user id, kept forever.',
        messages: Object.fromEntries(ids.map((id) => [id, ref(`#/components/messages/${id}`)])),
        bindings: { kafka: { topic: topic.name, bindingVersion: KAFKA_BINDING } },
      },
      deadLetters: {
        address: topic.deadLetter,
        title: 'Rejected transaction events',
        description: 'A message a consumer could not accept (invalid JSON, unknown type, schema violation), copied byte for byte with the reason and its origin in headers.',
        messages: { deadLetter: ref('#/components/messages/deadLetter') },
        bindings: { kafka: { topic: topic.deadLetter, bindingVersion: KAFKA_BINDING } },
      },
    },
    operations: {
      publishTransactionEvents: {
        action: 'send',
        title: 'payment-service publishes transaction events',
        channel: ref('#/channels/transactions'),
        messages: ids.map((id) => ref(`#/channels/transactions/messages/${id}`)),
      },
      consumeTransactionEvents: {
        action: 'receive',
        title: 'analytics-service folds transaction events into stats',
        channel: ref('#/channels/transactions'),
        messages: ids.map((id) => ref(`#/channels/transactions/messages/${id}`)),
      },
      deadLetterRejectedEvents: {
        action: 'send',
        title: 'A consumer sets aside a message it cannot accept',
        channel: ref('#/channels/deadLetters'),
        messages: [ref('#/channels/deadLetters/messages/deadLetter')],
      },
    },
    components: {
      messages: {
        ...eventMessages,
        deadLetter: {
          name: 'dead-letter',
          title: 'dead-letter',
          summary: 'The rejected message\'s key and value, unchanged.',
          headers: {
            type: 'object',
            properties: {
              dlq_reason: { type: 'string', description: 'Why the consumer rejected it.' },
              dlq_source_topic: { type: 'string' },
              dlq_source_partition: { type: 'string', pattern: '^\\d+$' },
              dlq_source_offset: { type: 'string', pattern: '^\\d+$' },
            },
            required: ['dlq_reason', 'dlq_source_topic', 'dlq_source_partition', 'dlq_source_offset'],
          },
          payload: { description: 'The original bytes, which may not be JSON at all.' },
        },
      },
    },
  };
}
