import { setTimeout as sleep } from 'node:timers/promises';
import type { ActiveFault, FaultTarget } from './fault-kinds.js';
import type { PlannedFault } from './schedule.js';

/** A fault as it happened: its window is [injectedAt, recoveredAt], when 502/503/504 are allowed. */
export interface FaultRecord {
  kind: string;
  solo: boolean;
  injectedAt: number;
  healedAt?: number;
  recoveredAt?: number;
  error?: string;
}

export interface InjectorDeps {
  target: FaultTarget;
  /** Resolves true once the mesh answers every path again. */
  meshAnswers(): Promise<boolean>;
  log(line: string): void;
  recoveryTimeoutMs: number;
  /** No fault is injected after this long from the start: waiting on solo faults must not stretch the campaign. */
  durationMs: number;
}

/**
 * Runs a schedule: injects each fault at its time, holds it, heals it, and times how long the
 * mesh then takes to answer everything again. Faults on one target never overlap: the next
 * waits until the previous one is healed.
 */
export async function runSchedule(plan: PlannedFault[], deps: InjectorDeps): Promise<FaultRecord[]> {
  const records: FaultRecord[] = [];
  // A target is free again once its fault is healed (and a killed process replaced); the whole
  // mesh recovering may take longer, and only solo faults wait for that.
  const targetFree = new Map<string, Promise<void>>();
  const recovering = new Set<Promise<void>>();
  const begun = Date.now();

  async function follow(planned: PlannedFault, record: FaultRecord, fault: ActiveFault, free: () => void) {
    await sleep(planned.holdMs);
    await fault.heal();
    record.healedAt = Date.now();
    const deadline = record.healedAt + deps.recoveryTimeoutMs;
    while (Date.now() < deadline) {
      const replaced = fault.replaced?.() ?? true;
      if (replaced) free();
      if (replaced && (await deps.meshAnswers())) {
        record.recoveredAt = Date.now();
        deps.log(`recovered from ${record.kind} in ${((record.recoveredAt - record.healedAt) / 1000).toFixed(1)} s`);
        return;
      }
      await sleep(250);
    }
    record.error = `no recovery within ${deps.recoveryTimeoutMs / 1000} s`;
    deps.log(`${record.kind}: ${record.error}`);
  }

  for (const [index, planned] of plan.entries()) {
    await sleep(Math.max(0, begun + planned.at - Date.now()));
    if (Date.now() - begun >= deps.durationMs) {
      deps.log(`fault phase over; ${plan.length - index} planned faults left out`);
      break;
    }
    await (planned.solo ? Promise.all(recovering) : targetFree.get(planned.kind.target));
    const record: FaultRecord = { kind: planned.kind.name, solo: planned.solo, injectedAt: Date.now() };
    records.push(record);
    deps.log(`inject ${planned.kind.name}${planned.holdMs ? ` for ${(planned.holdMs / 1000).toFixed(1)} s` : ''}${planned.solo ? ' (alone)' : ''}`);
    let free = () => undefined as void;
    targetFree.set(planned.kind.target, new Promise<void>((resolve) => (free = resolve)));
    const running: Promise<void> = planned.kind
      .inject(deps.target, planned.param)
      .then((fault) => follow(planned, record, fault, free))
      .catch((err: unknown) => {
        record.error = `could not inject or heal: ${(err as Error).message}`;
        deps.log(`${planned.kind.name}: ${record.error}`);
      })
      .finally(() => {
        free();
        recovering.delete(running);
      });
    recovering.add(running);
    if (planned.solo) await running;
  }
  await Promise.all(recovering);
  return records;
}
