import type { Logger } from './log.js';
import type { BenchMesh } from './bench-mesh.js';
import type { Infra } from '@paymesh/infra/stack';

/** A workspace a row needs; the row is reported "not run" until its composition root exists. */
export type Service = 'auth-service' | 'payment-service' | 'analytics-service' | 'gateway';

/** One target: `value op limit`, e.g. a ratio ≥ 0.5 or a lag ≤ 10 ms. */
export interface Check {
  label: string;
  value: number;
  unit: string;
  op: '>=' | '<=';
  limit: number;
}

export interface RowOutcome {
  /** The raw figures behind the checks, both sides, already formatted for the table. */
  figures: string[];
  /** The targets. A row with none states a figure for people to weigh (e.g. what tracing costs). */
  checks: Check[];
  /** The result column of a row without targets. */
  result?: string;
  /** What was measured and how, plus anything odd seen during the run. */
  notes: string[];
}

export interface BenchContext {
  quick: boolean;
  log: Logger;
  /** Events in B5/B6's pre-filled topic, when the command line overrides the default. */
  prefillEvents?: number;
  /** How long one load run lasts: `full` seconds, `quick` in quick mode, or the --seconds override. */
  seconds(full: number, quick?: number): number;
  /** How many rounds a row runs: `full`, one in quick mode, or the --rounds override. */
  rounds(full: number): number;
  /** Broker and database, found running (or started) once per run. */
  infra(): Promise<Infra>;
  /** The whole mesh as real processes, started once on first use and shared by the rows. */
  mesh(): Promise<BenchMesh>;
  /** Something several rows share (the pre-filled topic), made by the first that asks. */
  once<T>(key: string, make: () => Promise<T>): Promise<T>;
  /** Run when the whole run ends, crashed or not (e.g. deleting a bench topic). */
  onCleanup(cleanup: () => Promise<void>): void;
}

export interface BenchRow {
  id: string;
  title: string;
  target: string;
  needs: Service[];
  /** How the row is measured, for docs/benchmarks.md. */
  method: string;
  run(ctx: BenchContext): Promise<RowOutcome>;
}

export const met = (c: Check): boolean => (c.op === '>=' ? c.value >= c.limit : c.value <= c.limit);
