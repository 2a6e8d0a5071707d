import { z } from 'zod';
import { envelopeFields, eventAmount } from './envelope.js';

export const TRANSACTION_CREATED = 'transaction.created';

/** Published once per accepted transaction. The transaction's published fields plus the envelope. */
export const transactionCreatedSchema = z.object({
  ...envelopeFields,
  event_type: z.literal(TRANSACTION_CREATED),
  transaction_id: z.string().min(1),
  user_id: z.string().min(1),
  amount: eventAmount,
  description: z.string(),
  timestamp: z.iso.datetime({ offset: true }),
});

export type TransactionCreated = z.infer<typeof transactionCreatedSchema>;
