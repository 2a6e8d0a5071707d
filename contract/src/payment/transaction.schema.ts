import { z } from 'zod';
import { DEFAULT_MAX_USER_TOTAL } from './transaction.rules.js';

/**
 * The JSON shape of a transaction, wherever it is sent or read: payment-service's answers,
 * the client and the tests. Amounts are JSON numbers with at most 2 decimals.
 */
export const transactionSchema = z
  .object({
    id: z.string().meta({ description: 'The transaction id (a UUID)' }),
    user_id: z.string().meta({ description: 'Its owner, the user in the token that created it' }),
    amount: z.number().meta({ description: 'At most 2 decimals' }),
    description: z.string(),
    is_paid: z.boolean(),
    created_at: z.iso.datetime().meta({ description: 'When it was created (ISO 8601, UTC)' }),
  })
  .meta({
    id: 'Transaction',
    example: {
      id: '5a0c1f52-7c61-4a0e-8f4c-3b1f6d2f9e10',
      user_id: '0b8e5c9e-1d7c-4bb1-9c3f-2f4f1f0b1a11',
      amount: 12.5,
      description: 'coffee',
      is_paid: false,
      created_at: '2026-12-01T10:00:00.000Z',
    },
  });

export type Transaction = z.infer<typeof transactionSchema>;

/** One page of the caller's transactions, newest first; a `Link: <…>; rel="next"` header points to the next. */
export const transactionPageSchema = z.array(transactionSchema).meta({ id: 'TransactionPage' });

/** What paying everything answers; a second call with nothing left unpaid pays 0. */
export const payAllResultSchema = z
  .object({
    message: z.string(),
    transactions_paid: z.number().int().nonnegative(),
    amount_paid: z.number().nonnegative(),
  })
  .meta({ id: 'PayAllResult', example: { message: 'Paid 2 transaction(s)', transactions_paid: 2, amount_paid: 42.5 } });

export type PayAllResult = z.infer<typeof payAllResultSchema>;

/**
 * The limits that are the server's configuration, read at run time so a client validates
 * against the cap the server enforces, whatever it is set to.
 */
export const paymentLimitsSchema = z
  .object({
    max_user_total: z.number().positive().meta({ description: "The cap on one user's total of all transactions, paid or not" }),
  })
  .meta({ id: 'PaymentLimits', example: { max_user_total: Number(DEFAULT_MAX_USER_TOTAL) } });

export type PaymentLimits = z.infer<typeof paymentLimitsSchema>;
