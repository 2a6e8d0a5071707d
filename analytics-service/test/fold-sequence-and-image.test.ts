import { expect } from 'chai';
import type { TransactionEvent } from '@paymesh/shared/events';
import { createStatsFold, type StatsFold } from '../src/stats/stats.fold.js';
import { buildCreated, buildPaid } from './support/events.js';

const newFold = (dedupeWindow = 100) => createStatsFold({ dedupeWindow });

/** Folds `events` into consecutive offsets of `partition`, from `from`. */
function foldAll(fold: StatsFold, events: TransactionEvent[], partition = 0, from = fold.position(partition) ?? 0) {
  events.forEach((event, i) => fold.foldEvent(event, partition, from + i));
}

describe('the fold: exact dedupe by user_seq, and its image', () => {
  it('when a sequenced event comes again 50,000 events later, counts it once, far beyond the id window', () => {
    const fold = newFold(100);
    const original = buildCreated({ user_id: 'ada', user_seq: 7, amount: 5 });
    const others = Array.from({ length: 50_000 }, (_, i) => buildCreated({ user_id: `u${i % 500}`, user_seq: 1000 + i, amount: 1 }));

    foldAll(fold, [original, ...others, { ...original }]);

    expect(fold.totals).to.include({ transactions: 50_001, cents: 500 + 50_000 * 100, duplicates: 1 });
    expect(fold.user('ada')).to.deep.equal({ transactions: 1, cents: 500, paid: 0, paidCents: 0 });
  });

  it('when a user\'s older event comes after a newer one, drops it, while another user\'s lower number still counts', () => {
    const fold = newFold();
    const first = buildCreated({ user_id: 'ada', user_seq: 10 });
    const paid = buildPaid({ user_id: 'ada', user_seq: 12 });

    foldAll(fold, [first, paid, { ...first }, buildCreated({ user_id: 'bob', user_seq: 3 })]);

    expect(fold.totals).to.include({ transactions: 2, paid: 1, duplicates: 1, processed: 3 });
  });

  it('when old events without a sequence are mixed with sequenced ones, each kind is deduplicated by its own rule', () => {
    const fold = newFold(3);
    const oldOne = buildCreated({ user_id: 'ada', amount: 1 });
    const newOne = buildCreated({ user_id: 'ada', user_seq: 1, amount: 2 });
    const filler = Array.from({ length: 3 }, () => buildCreated({ user_id: 'bob', amount: 4 }));

    // The old copy comes back within the window, then once more after three other old events pushed it out.
    foldAll(fold, [oldOne, newOne, { ...oldOne }, ...filler, { ...newOne }, { ...oldOne }]);

    expect(fold.totals).to.include({ duplicates: 2, transactions: 6 });
    expect(fold.user('ada')).to.include({ transactions: 3, cents: 400 }, 'the old copy from beyond the window counts, as before');
  });

  it('restoring an image taken midway and folding the rest gives exactly the state of one straight fold, copies across the cut included', () => {
    const events: [TransactionEvent, number][] = [];
    for (let i = 0; i < 300; i++) {
      const user = `u${i % 17}`;
      const event = i % 5 === 0 ? buildPaid({ user_id: user, user_seq: i + 1, amount_paid: 0.5 }) : buildCreated({ user_id: user, amount: 1.25, ...(i % 3 ? { user_seq: i + 1 } : {}) });
      events.push([event, i % 3]);
    }
    // Copies of events before the cut (150) arriving after it: both kinds, near and far.
    for (const i of [140, 141, 145, 20, 3]) events.push([{ ...events[i]![0] }, events[i]![1]]);
    const straight = newFold(50);
    const before = newFold(50);
    const fold = (target: StatsFold, slice: [TransactionEvent, number][]) =>
      slice.forEach(([event, partition]) => target.foldEvent(event, partition, target.position(partition) ?? 0));
    fold(straight, events);
    fold(before, events.slice(0, 150));
    before.recordRejection(1, before.position(1)!);
    straight.recordRejection(1, straight.position(1)!);

    const image = JSON.parse(JSON.stringify(before.capture())) as ReturnType<StatsFold['capture']>;
    const restored = newFold(50);
    restored.restore(image);
    fold(restored, events.slice(150));

    expect(restored.capture()).to.deep.equal(straight.capture());
    expect(restored.totals.duplicates).to.be.greaterThan(0);
  });

  it('refuses to restore into a fold that has already folded something', () => {
    const fold = newFold();
    fold.foldEvent(buildCreated(), 0, 0);

    expect(() => fold.restore(newFold().capture())).to.throw(/before it folds anything/);
  });
});
