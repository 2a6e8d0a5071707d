import { expect } from 'chai';
import { checkHistory } from '../src/checker/checks.js';
import { answered, createOp, facts, noAnswer, rowFor, T0 } from './support/histories.js';

const failed = (f: Parameters<typeof checkHistory>[0]) => checkHistory(f).results.filter((r) => !r.ok).map((r) => r.name);

describe('the history checker', () => {
  it('when every acknowledged create is stored once with its event, passes every check', () => {
    const op = createOp([noAnswer(), answered(201, { id: 't1', amount: 100 })]);

    expect(failed(facts([op], [rowFor(op, 't1')]))).to.deep.equal([]);
  });

  it('when an acknowledged create is missing from the database, counts it lost', () => {
    const op = createOp([answered(201, { id: 't1' })]);

    const { results, counts } = checkHistory(facts([op], []));

    expect(counts.lost).to.equal(1);
    expect(results.find((r) => r.name.startsWith('every acknowledged create'))!.ok).to.equal(false);
  });

  it('when a create the client never heard back about is stored twice, counts it duplicated', () => {
    const op = createOp([noAnswer(), noAnswer()]);

    const { counts } = checkHistory(facts([op], [rowFor(op, 't1'), rowFor(op, 't2')]));

    expect(counts.duplicated).to.equal(1);
  });

  it('when a create refused at the cap was stored anyway, fails', () => {
    const op = createOp([answered(422, { code: 'CAP_EXCEEDED' })]);

    expect(failed(facts([op], [rowFor(op, 't1')]))).to.include('a refused create stored nothing');
  });

  it('when a replay of a key answers differently from the first answer, fails; the same fields in another order pass', () => {
    const first = createOp([answered(201, { id: 't1', amount: 100 })]);
    const sameAnswer = createOp([answered(201, { amount: 100, id: 't1' })], { kind: 'replay', key: first.key!, replayOf: first.id, request: first.request! });
    const otherAnswer = createOp([answered(201, { id: 't2', amount: 100 })], { kind: 'replay', key: first.key!, replayOf: first.id, request: first.request! });
    const rows = [rowFor(first, 't1')];

    expect(failed(facts([first, sameAnswer], rows))).to.deep.equal([]);
    expect(failed(facts([first, otherAnswer], rows))).to.deep.equal(['a retry or replay of a key always gets the first answer']);
  });

  it("when a user's rows add up to more than the cap, counts a cap violation", () => {
    const a = createOp([answered(201, { id: 't1' })], { request: { amount: 600, description: 'chaos a' } });
    const b = createOp([answered(201, { id: 't2' })], { request: { amount: 600, description: 'chaos b' } });

    const { counts } = checkHistory(facts([a, b], [rowFor(a, 't1'), rowFor(b, 't2')]));

    expect(counts.capViolations).to.equal(1);
  });

  it('when a committed row has no event on the topic, or an event has no row, fails', () => {
    const op = createOp([answered(201, { id: 't1' })]);
    const row = rowFor(op, 't1');
    const ghost = { ...row, id: 'ghost' };

    expect(failed(facts([op], [row], { events: [] }))).to.deep.equal(['every committed row has its events on the topic']);
    expect(failed(facts([op], [row], { events: [row, ghost].map((r) => facts([], [r]).events[0]!) }))).to.deep.equal([
      'no event on the topic for a change that was not committed',
    ]);
  });

  it('excuses a 503 inside a fault window and its grace, never after it, and never a 500', () => {
    const fault = { kind: 'SIGKILL payment-service', solo: true, injectedAt: T0, healedAt: T0, recoveredAt: T0 + 10_000 };
    const inside = createOp([answered(503, { code: 'UPSTREAM_UNAVAILABLE' }, T0 + 12_000), answered(201, { id: 't1' }, T0 + 14_000)]);
    const outside = createOp([answered(503, { code: 'UPSTREAM_UNAVAILABLE' }, T0 + 20_000), answered(201, { id: 't2' }, T0 + 21_000)]);
    const internal = createOp([answered(500, { code: 'INTERNAL' }, T0 + 1_000), answered(201, { id: 't3' }, T0 + 2_000)]);

    expect(failed(facts([inside], [rowFor(inside, 't1')], { faults: [fault] }))).to.deep.equal([]);
    expect(failed(facts([outside], [rowFor(outside, 't2')], { faults: [fault] }))).to.deep.equal(['no 502/503/504 outside a fault window']);
    expect(failed(facts([internal], [rowFor(internal, 't3')], { faults: [fault] }))).to.deep.equal(['no 500 (or other non-gateway 5xx), ever']);
  });
});
