import { randomUUID } from 'node:crypto';
import { TRANSACTION_CREATED, TRANSACTION_PAID, type TransactionCreated, type TransactionPaid } from '@paymesh/shared/events';
import { fromCents } from '@paymesh/shared/money';
import type { TransactionRow } from './transactions.repository.js';

/** Keeps one transaction.paid message far below Kafka's 1 MB limit, however many rows one "pay all" pays. */
export const MAX_IDS_PER_PAID_EVENT = 1000;

export function transactionCreated(row: TransactionRow, requestId: string | undefined): TransactionCreated {
  const at = row.createdAt.toISOString();
  return {
    event_id: randomUUID(),
    event_type: TRANSACTION_CREATED,
    version: 1,
    occurred_at: at,
    request_id: requestId,
    transaction_id: row.id,
    user_id: row.userId,
    amount: fromCents(row.amountCents),
    description: row.description,
    timestamp: at,
  };
}

/** One event per chunk of paid rows: each carries its own ids, count and amount, so the sums add up. */
export function transactionsPaid(userId: string, paid: TransactionRow[], requestId: string | undefined): TransactionPaid[] {
  const at = new Date().toISOString();
  const events: TransactionPaid[] = [];
  for (let start = 0; start < paid.length; start += MAX_IDS_PER_PAID_EVENT) {
    const chunk = paid.slice(start, start + MAX_IDS_PER_PAID_EVENT);
    events.push({
      event_id: randomUUID(),
      event_type: TRANSACTION_PAID,
      version: 1,
      occurred_at: at,
      request_id: requestId,
      user_id: userId,
      transactions_paid: chunk.length,
      transaction_ids: chunk.map((row) => row.id),
      amount_paid: fromCents(chunk.reduce((sum, row) => sum + row.amountCents, 0)),
      timestamp: at,
    });
  }
  return events;
}
