import { z } from 'zod';
import { envelopeFields, eventAmount } from './envelope.js';

export const TRANSACTION_PAID = 'transaction.paid';

/**
 * Published by a "pay all" that paid at least one transaction: one event per up to 1000 paid
 * transactions (so a message stays far below Kafka's size limit), each carrying its own ids,
 * count and amount. Summing `transactions_paid` and `amount_paid` over events gives the totals.
 */
export const transactionPaidSchema = z.object({
  ...envelopeFields,
  event_type: z.literal(TRANSACTION_PAID),
  user_id: z.string().min(1),
  transactions_paid: z.number().int().positive(),
  transaction_ids: z.array(z.string().min(1)).min(1),
  amount_paid: eventAmount,
  timestamp: z.iso.datetime({ offset: true }),
});

export type TransactionPaid = z.infer<typeof transactionPaidSchema>;
