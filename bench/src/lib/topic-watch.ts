import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';

export interface Arrival {
  /** performance.now() when this process received the event. */
  at: number;
  /** The message's CreateTime, as performance.now() of this process: when the relay sent it. */
  sentAt: number;
}

export interface TopicWatch {
  /** Each transaction.created seen, by transaction id. */
  arrivals: Map<string, Arrival>;
  stop(): Promise<void>;
}

/**
 * A consumer of its own on the bench topic, from its end, that timestamps every
 * transaction.created as it arrives and keeps the time its producer stamped on it. With the 201's
 * timestamp that splits B4's lag into: the relay picking the row up and sending it (CreateTime),
 * the broker handing it to a consumer, and analytics counting it. kafkajs directly, not the
 * shared replayTopic(): that one hides the message timestamp, which is the point here.
 */
export async function watchTopic(brokers: string[], topic: string): Promise<TopicWatch> {
  const arrivals = new Map<string, Arrival>();
  const kafka = new Kafka({ clientId: 'paymesh-bench-watch', brokers, logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({ groupId: `bench-watch-${randomUUID()}`, maxWaitTimeInMs: 500 });
  // Both clocks are this machine's: a wall-clock CreateTime maps onto performance.now() by the origin.
  const toPerf = (epochMs: number) => epochMs - performance.timeOrigin;
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: false });
  await consumer.run({
    eachMessage: ({ message }) => {
      const at = performance.now();
      if (message.value) {
        const event = JSON.parse(message.value.toString('utf8')) as { event_type?: string; transaction_id?: string };
        if (event.event_type === 'transaction.created' && event.transaction_id) {
          arrivals.set(event.transaction_id, { at, sentAt: toPerf(Number(message.timestamp)) });
        }
      }
      return Promise.resolve();
    },
  });
  return { arrivals, stop: () => consumer.disconnect() };
}
