import { expect } from 'chai';
import { createStatsFold } from '../src/stats/stats.fold.js';
import { buildCreated, buildPaid } from './support/events.js';

const newFold = (dedupeWindow = 1000) => createStatsFold({ dedupeWindow });

describe('the stats fold', () => {
  it('sums 10,000 transactions of 0.10 to exactly 1000.00', () => {
    const fold = newFold(100);
    for (let offset = 0; offset < 10_000; offset++) fold.foldEvent(buildCreated({ amount: 0.1 }), 0, offset);

    expect(fold.totals.cents).to.equal(100_000);
    expect(fold.totals.transactions).to.equal(10_000);
  });

  it('counts created and paid events into the totals and the user\'s own totals', () => {
    const fold = newFold();
    const user_id = 'user-1';

    fold.foldEvent(buildCreated({ user_id, amount: 10.25 }), 0, 0);
    fold.foldEvent(buildCreated({ user_id, amount: 0.75 }), 0, 1);
    fold.foldEvent(buildPaid({ user_id, transactions_paid: 2, amount_paid: 11 }), 0, 2);

    expect(fold.totals).to.include({ transactions: 2, cents: 1100, paid: 2, paidCents: 1100, processed: 3 });
    expect(fold.user(user_id)).to.deep.equal({ transactions: 2, cents: 1100, paid: 2, paidCents: 1100 });
    expect(fold.uniqueUsers()).to.equal(1);
  });

  it('when the same event id arrives again at a new offset, changes nothing but the duplicate count', () => {
    const fold = newFold();
    const event = buildCreated({ amount: 5 });
    fold.foldEvent(event, 1, 10);

    const outcome = fold.foldEvent({ ...event }, 1, 11);

    expect(outcome).to.equal('duplicate');
    expect(fold.totals).to.include({ transactions: 1, cents: 500, processed: 1, duplicates: 1 });
  });

  it('when an offset is read again (a replay), ignores it entirely', () => {
    const fold = newFold();
    const event = buildCreated();
    fold.foldEvent(event, 2, 7);

    const outcome = fold.foldEvent(event, 2, 7);

    expect(outcome).to.equal('replayed');
    expect(fold.totals).to.include({ transactions: 1, duplicates: 0 });
    expect(fold.position(2)).to.equal(8);
  });

  it('counts a rejected message once, however often its offset is re-read', () => {
    const fold = newFold();

    expect(fold.recordRejection(0, 3)).to.equal(true);
    expect(fold.recordRejection(0, 3)).to.equal(false);

    expect(fold.totals.rejected).to.equal(1);
    expect(fold.position(0)).to.equal(4);
  });

  it('remembers exactly the last `window` event ids of a partition, so memory stays bounded', () => {
    const fold = newFold(3);
    const events = [buildCreated(), buildCreated(), buildCreated(), buildCreated()];
    events.forEach((event, offset) => fold.foldEvent(event, 0, offset));

    expect(fold.foldEvent(events[1]!, 0, 4)).to.equal('duplicate');
    // The first id fell out of the window four events later: the documented bound.
    expect(fold.foldEvent(events[0]!, 0, 5)).to.equal('applied');
  });

  it('counts a copy redelivered many times as one event, and keeps the window full of distinct ids', () => {
    const fold = newFold(2);
    const [first, second, third] = [buildCreated(), buildCreated(), buildCreated()];

    fold.foldEvent(first, 0, 0);
    fold.foldEvent(second, 0, 1);
    // Copies of a remembered id must not push the other ids out of the window.
    expect([2, 3, 4].map((offset) => fold.foldEvent(second, 0, offset))).to.deep.equal(['duplicate', 'duplicate', 'duplicate']);
    expect(fold.foldEvent(first, 0, 5)).to.equal('duplicate');
    fold.foldEvent(third, 0, 6);

    // The third id evicted the oldest one, `first`, not a slot taken by a copy.
    expect(fold.foldEvent(second, 0, 7)).to.equal('duplicate');
    expect(fold.foldEvent(first, 0, 8)).to.equal('applied');
    expect(fold.totals).to.include({ transactions: 4, duplicates: 5 });
  });

  it('reaches the same state whatever the interleaving of partitions', () => {
    const a = [buildCreated({ amount: 1.1 }), buildPaid({ amount_paid: 1.1 })];
    const b = [buildCreated({ amount: 2.2, timestamp: '2030-01-01T00:00:00.000Z' }), buildCreated({ amount: 3.3 })];
    const one = newFold();
    const two = newFold();

    a.forEach((e, i) => one.foldEvent(e, 0, i));
    b.forEach((e, i) => one.foldEvent(e, 1, i));
    b.forEach((e, i) => two.foldEvent(e, 1, i));
    a.forEach((e, i) => two.foldEvent(e, 0, i));

    expect(one.totals).to.deep.equal(two.totals);
    expect(one.totals.lastEventMs).to.equal(Date.parse('2030-01-01T00:00:00.000Z'));
  });

  it('puts transactions of the last hour into per-minute buckets and leaves older ones out', () => {
    const now = Date.parse('2026-01-01T12:30:30.000Z');
    const fold = createStatsFold({ dedupeWindow: 10, now: () => now });

    fold.foldEvent(buildCreated({ amount: 1.5, timestamp: '2026-01-01T12:30:05.000Z' }), 0, 0);
    fold.foldEvent(buildCreated({ amount: 2.5, timestamp: '2026-01-01T12:30:50.000Z' }), 0, 1);
    fold.foldEvent(buildCreated({ amount: 9, timestamp: '2026-01-01T11:00:00.000Z' }), 0, 2);

    const points = fold.series.points();
    expect(points).to.have.length(60);
    expect(points.at(-1)).to.deep.equal({ minute: '2026-01-01T12:30:00.000Z', transactions: 2, amount: 4, paid_transactions: 0, paid_amount: 0 });
    expect(points.reduce((sum, p) => sum + p.transactions, 0)).to.equal(2);
    expect(fold.totals.transactions).to.equal(3);
  });
});
