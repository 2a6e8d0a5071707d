import type pg from 'pg';
import type { StatsBody } from '../stats/stats.view.js';
import { compareTotals, type Difference } from './reconcile.compare.js';
import { readLedgerTotals } from './payment-totals.repository.js';

export interface ReconcileReport {
  ok: boolean;
  differences: Difference[];
  analytics: StatsBody;
  checked_at: string;
}

export interface ReconcileDeps {
  analyticsUrl: string;
  pool: pg.Pool;
  /** Events still on their way (outbox, consumer lag) settle within this; only then a difference is real. */
  settleMs: number;
}

async function readStats(analyticsUrl: string): Promise<StatsBody> {
  const res = await fetch(`${analyticsUrl}/stats`);
  if (!res.ok) throw new Error(`GET ${analyticsUrl}/stats answered ${res.status}`);
  return (await res.json()) as StatsBody;
}

/**
 * Compares analytics' totals with the payment database's. A difference seen once may be an
 * event in flight, so both sides are re-read until they agree or `settleMs` has passed.
 */
export async function reconcile({ analyticsUrl, pool, settleMs }: ReconcileDeps): Promise<ReconcileReport> {
  const deadline = Date.now() + settleMs;
  for (;;) {
    const ledger = await readLedgerTotals(pool);
    const analytics = await readStats(analyticsUrl);
    const differences = analytics.caught_up ? compareTotals(analytics, ledger) : [{ field: 'caught_up', analytics: 'false', payment_db: 'n/a' }];
    if (differences.length === 0 || Date.now() >= deadline) {
      return { ok: differences.length === 0, differences, analytics, checked_at: new Date().toISOString() };
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
