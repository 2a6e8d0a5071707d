import { randomUUID } from 'node:crypto';
import { TRANSACTION_CREATED, TRANSACTION_PAID, type TransactionCreated, type TransactionPaid } from '@paymesh/shared/events';

/** A valid transaction.created; override any field. */
export function buildCreated(overrides: Partial<TransactionCreated> = {}): TransactionCreated {
  const now = new Date().toISOString();
  return {
    event_id: randomUUID(),
    event_type: TRANSACTION_CREATED,
    version: 1,
    occurred_at: now,
    transaction_id: randomUUID(),
    user_id: randomUUID(),
    amount: 12.5,
    description: 'coffee beans',
    timestamp: now,
    ...overrides,
  };
}

/** A valid transaction.paid; override any field. */
export function buildPaid(overrides: Partial<TransactionPaid> = {}): TransactionPaid {
  const now = new Date().toISOString();
  return {
    event_id: randomUUID(),
    event_type: TRANSACTION_PAID,
    version: 1,
    occurred_at: now,
    user_id: randomUUID(),
    transactions_paid: 1,
    transaction_ids: [randomUUID()],
    amount_paid: 12.5,
    timestamp: now,
    ...overrides,
  };
}
