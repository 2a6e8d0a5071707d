import { z } from 'zod';
import { envelopeFields, eventAmount } from './envelope.js';

export const TRANSACTION_PAID = 'transaction.paid';

/** Published once per "pay all" that paid at least one transaction. */
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
