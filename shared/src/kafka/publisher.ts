import type { TopicContract } from '../events/index.js';
import type { KafkaConnection } from './connection.js';
import { connectOrderedProducer } from './ordered-producer.js';

export interface Publisher {
  /**
   * Sends the events in order and resolves once every in-sync replica has them. `headers[i]`
   * adds headers to the i-th message (a trace's traceparent).
   */
  publish<E extends { event_id: string; event_type: string }>(
    topic: string,
    contract: TopicContract<E>,
    events: E[],
    headers?: (Record<string, string> | undefined)[],
  ): Promise<void>;
  disconnect(): Promise<void>;
}

export async function createPublisher(connection: KafkaConnection): Promise<Publisher> {
  const producer = await connectOrderedProducer(connection);
  return {
    async publish(topic, contract, events, headers) {
      if (events.length === 0) return;
      // A producer bug must never put a malformed event on the topic: validate before sending.
      const valid = events.map((event) => contract.schema.parse(event));
      await producer.send({
        topic,
        acks: -1,
        messages: valid.map((event, i) => ({
          key: contract.key(event),
          value: JSON.stringify(event),
          headers: { ...headers?.[i], event_type: event.event_type, event_id: event.event_id },
        })),
      });
    },
    disconnect: () => producer.disconnect(),
  };
}
