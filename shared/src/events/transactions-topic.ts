import { z } from 'zod';
import { transactionCreatedSchema } from './transaction-created.js';
import { transactionPaidSchema } from './transaction-paid.js';

/** Every event on the `transactions` topic; `event_type` tells them apart. */
export const transactionEventSchema = z.discriminatedUnion('event_type', [transactionCreatedSchema, transactionPaidSchema]);

export type TransactionEvent = z.infer<typeof transactionEventSchema>;

/**
 * The contract of the `transactions` topic, used by the producer and the consumer alike.
 * Keyed by user id, so one user's events stay in order on one partition.
 */
export const transactionsTopic = {
  name: 'transactions',
  deadLetter: 'transactions.dlq',
  schema: transactionEventSchema,
  key: (event: TransactionEvent) => event.user_id,
} as const;

export interface TopicContract<E> {
  schema: z.ZodType<E>;
  key: (event: E) => string;
}
