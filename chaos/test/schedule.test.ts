import { expect } from 'chai';
import { FAULT_KINDS } from '../src/faults/fault-kinds.js';
import { planFaults } from '../src/faults/schedule.js';
import { seededRandom } from '../src/random.js';

const options = (durationMs: number) => ({ durationMs, gapMs: [2_000, 5_000] as [number, number], soloShare: 0.25 });
const describePlan = (seed: number) => planFaults(seededRandom(seed), FAULT_KINDS, options(120_000)).map((p) => [p.at, p.kind.name, p.holdMs, p.solo]);

describe('the fault schedule', () => {
  it('is the same for the same seed, so a failed campaign can be replayed', () => {
    expect(describePlan(42)).to.deep.equal(describePlan(42));
    expect(describePlan(42)).to.not.deep.equal(describePlan(43));
  });

  it('brings every kind of fault up once per round, before any comes up again', () => {
    const plan = planFaults(seededRandom(7), FAULT_KINDS, options(600_000));

    const firstRound = new Set(plan.slice(0, FAULT_KINDS.length).map((p) => p.kind.name));

    expect(firstRound.size).to.equal(FAULT_KINDS.length);
  });

  it('with rounds, plans exactly that many of every kind', () => {
    const plan = planFaults(seededRandom(5), FAULT_KINDS, { ...options(Infinity), rounds: 2 });

    expect(plan).to.have.length(2 * FAULT_KINDS.length);
    for (const kind of FAULT_KINDS) expect(plan.filter((p) => p.kind === kind)).to.have.length(2);
  });

  it('holds each fault within its kind’s bounds, and starts none after the fault phase', () => {
    const plan = planFaults(seededRandom(3), FAULT_KINDS, options(60_000));

    for (const p of plan) expect(p.holdMs).to.be.within(p.kind.hold[0], p.kind.hold[1]);
    expect(Math.max(...plan.map((p) => p.at))).to.be.below(60_000);
  });
});
