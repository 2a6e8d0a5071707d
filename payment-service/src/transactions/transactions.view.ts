import { fromCents } from '@paymesh/shared/money';
import type { TransactionRow } from './transactions.repository.js';

/** The seed's JSON shape of a transaction. */
export interface TransactionView {
  id: string;
  user_id: string;
  amount: number;
  description: string;
  is_paid: boolean;
  created_at: string;
}

export function toTransactionView(row: TransactionRow): TransactionView {
  return {
    id: row.id,
    user_id: row.userId,
    amount: fromCents(row.amountCents),
    description: row.description,
    is_paid: row.isPaid,
    created_at: row.createdAt.toISOString(),
  };
}
