import Table from 'cli-table3';
import { percentile } from '@paymesh/infra/testing';
import type { CheckResult, Counts } from '../checker/checks.js';
import type { FaultRecord } from '../faults/injector.js';

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;


/** Recovery is measured from the fault's end (the kill, the restart, the link restored) to the mesh answering everything again. */
export function faultTable(faults: FaultRecord[]): string {
  const table = new Table({ head: ['fault', 'injected', 'alone', 'recovered', 'recovery p50', 'recovery max'], style: { head: [], border: [] } });
  const kinds = [...new Set(faults.map((f) => f.kind))].sort();
  for (const kind of kinds) {
    const of = faults.filter((f) => f.kind === kind);
    const times = of.filter((f) => f.recoveredAt !== undefined && f.healedAt !== undefined).map((f) => f.recoveredAt! - f.healedAt!).sort((a, b) => a - b);
    table.push([kind, of.length, of.filter((f) => f.solo).length, times.length, times.length ? seconds(percentile(times, 50)) : '-', times.length ? seconds(times.at(-1)!) : '-']);
  }
  return table.toString();
}

export function countsTable(counts: Counts, writes: { attempted: number }): string {
  const table = new Table({ head: ['operations', 'HTTP attempts', 'writes', 'writes acknowledged', 'lost', 'duplicated', 'cap violations', '500s', '502-504 outside windows'], style: { head: [], border: [] } });
  table.push([counts.operations, counts.attempts, writes.attempted, counts.acknowledged, counts.lost, counts.duplicated, counts.capViolations, counts.internalErrors, counts.unavailableOutsideWindows]);
  return table.toString();
}

export function checksTable(results: CheckResult[]): string {
  const table = new Table({ head: ['check', 'result'], style: { head: [], border: [] }, colWidths: [70, 60], wordWrap: true });
  for (const r of results) table.push([r.name, r.ok ? 'pass' : `FAIL ${r.detail}`]);
  return table.toString();
}

export function summaryLine(results: CheckResult[]): string {
  const passed = results.filter((r) => r.ok).length;
  return `chaos: ${passed} checks passed, ${results.length - passed} failed`;
}
