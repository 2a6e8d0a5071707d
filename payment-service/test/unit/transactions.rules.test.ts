import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import { transactionPaidSchema } from '@paymesh/shared/events';
import { decodeCursor, encodeCursor } from '../../src/transactions/transactions.cursor.js';
import { MAX_IDS_PER_PAID_EVENT, transactionsPaid } from '../../src/transactions/transactions.events.js';
import type { TransactionRow } from '../../src/transactions/transactions.repository.js';
import { requestFingerprint } from '../../src/idempotency/idempotency.fingerprint.js';

const row = (amountCents: number): TransactionRow => ({
  id: randomUUID(),
  userId: randomUUID(),
  amountCents,
  description: 'x',
  isPaid: true,
  paidAt: new Date(),
  createdAt: new Date(),
});

describe('transaction rules (pure logic)', () => {
  it('a cursor survives the round trip to the millisecond', () => {
    const cursor = { createdAt: new Date('2026-01-02T03:04:05.678Z'), id: randomUUID() };

    expect(decodeCursor(encodeCursor(cursor))).to.deep.equal(cursor);
  });

  it('the fingerprint ignores key order but not values or the operation', () => {
    const a = requestFingerprint('create', { amount: 1, description: 'x' });

    expect(requestFingerprint('create', { description: 'x', amount: 1 })).to.equal(a);
    expect(requestFingerprint('create', { amount: 2, description: 'x' })).to.not.equal(a);
    expect(requestFingerprint('pay', { amount: 1, description: 'x' })).to.not.equal(a);
  });

  it('a large pay-all is split into paid events whose counts and amounts add up to the whole', () => {
    const rows = Array.from({ length: MAX_IDS_PER_PAID_EVENT * 2 + 1 }, () => row(1));

    const events = transactionsPaid(rows[0]!.userId, rows, undefined);

    expect(events.map((e) => e.transactions_paid)).to.deep.equal([MAX_IDS_PER_PAID_EVENT, MAX_IDS_PER_PAID_EVENT, 1]);
    expect(events.reduce((cents, e) => cents + Math.round(e.amount_paid * 100), 0)).to.equal(rows.length);
    expect(events.flatMap((e) => e.transaction_ids)).to.deep.equal(rows.map((r) => r.id));
    for (const event of events) expect(() => transactionPaidSchema.parse(event)).to.not.throw();
  });
});
