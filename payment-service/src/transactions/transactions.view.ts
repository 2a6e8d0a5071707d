import type { Transaction } from '@paymesh/contract/payment';
import { fromCents } from '@paymesh/shared/money';
import type { TransactionRow } from './transactions.repository.js';

/** A stored row as the API shows it: the contract's transaction shape. */
export function toTransactionView(row: TransactionRow): Transaction {
  return {
    id: row.id,
    user_id: row.userId,
    amount: fromCents(row.amountCents),
    description: row.description,
    is_paid: row.isPaid,
    created_at: row.createdAt.toISOString(),
  };
}
