import type { Random } from '../random.js';
import type { FaultKind } from './fault-kinds.js';

export interface PlannedFault {
  /** When to inject, in ms from the start of the fault phase. */
  at: number;
  kind: FaultKind;
  holdMs: number;
  /** A number the kind may use (the latency of a slow link). */
  param: number;
  /** Injected only once nothing else is broken, and waited out before the next: one fault at a time. */
  solo: boolean;
}

/**
 * The whole fault schedule of a campaign, from its seed alone, so a failing campaign can be
 * replayed. Kinds come in shuffled rounds, so every kind comes up as often as the others;
 * most faults start while earlier ones still hold, some run alone.
 */
export interface PlanOptions {
  /** Plan this long, or, with `rounds`, exactly that many rounds of every kind. */
  durationMs: number;
  rounds?: number;
  /** Time between two injections, as [min, max] ms. */
  gapMs: [number, number];
  /** The share of faults that run alone. */
  soloShare: number;
}

export function planFaults(random: Random, kinds: readonly FaultKind[], { durationMs, rounds, gapMs, soloShare }: PlanOptions): PlannedFault[] {
  const plan: PlannedFault[] = [];
  const more = (at: number, round: number) => (rounds === undefined ? at < durationMs : round < rounds);
  for (let at = 0, round = 0; more(at, round); round++) {
    for (const kind of random.shuffle(kinds)) {
      if (rounds === undefined && at >= durationMs) break;
      plan.push({ at, kind, holdMs: random.int(kind.hold[0], kind.hold[1]), param: random.int(0, 9_999), solo: random.chance(soloShare) });
      at += random.int(gapMs[0], gapMs[1]);
    }
  }
  return plan;
}
