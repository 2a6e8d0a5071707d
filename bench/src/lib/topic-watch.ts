import { transactionsTopic, type TransactionEvent } from '@paymesh/shared/events';
import { consume, type RunningConsumer } from '@paymesh/shared/kafka';
import { createLogger } from '@paymesh/shared/logger';

export interface TopicWatch {
  /** performance.now() when each transaction.created reached this consumer, by transaction id. */
  arrivals: Map<string, number>;
  stop(): Promise<void>;
}

/**
 * A consumer of its own on the bench topic, from its end, that timestamps every
 * transaction.created as it arrives: with the 201's timestamp it splits B4's lag into "the
 * relay got it to Kafka" and "analytics counted it".
 */
export async function watchTopic(brokers: string[], topic: string): Promise<TopicWatch> {
  const arrivals = new Map<string, number>();
  const consumer: RunningConsumer = await consume<TransactionEvent>(
    { brokers, clientId: 'paymesh-bench-watch', logger: createLogger('bench-watch', 'warn') },
    {
      topic,
      contract: transactionsTopic,
      groupId: `bench-watch-${Date.now()}`,
      fromBeginning: false,
      handle: (event) => {
        if (event.event_type === 'transaction.created') arrivals.set(event.transaction_id, performance.now());
      },
    },
  );
  return { arrivals, stop: () => consumer.stop() };
}
