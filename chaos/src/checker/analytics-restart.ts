import type { SupervisedService } from '@paymesh/infra/processes';
import { waitFor } from '@paymesh/infra/testing';
import type { CheckResult } from './checks.js';

/** The figures analytics rebuilds from the topic; live fields (lag, status) are left out. */
const FIGURES = ['total_transactions', 'total_amount', 'total_paid_transactions', 'total_paid_amount', 'unique_users', 'events_processed', 'events_rejected', 'events_duplicate', 'last_event_time'] as const;

async function figures(url: string) {
  const res = await fetch(`${url}/stats`);
  const body = (await res.json()) as Record<string, unknown>;
  return { caughtUp: body.caught_up === true, figures: Object.fromEntries(FIGURES.map((k) => [k, body[k]])) };
}

/**
 * Restarts analytics (SIGTERM; its supervisor brings it back) and compares its figures before
 * and after: the fold rebuilt from the topic must land on exactly the same numbers.
 */
export async function checkAnalyticsRestart(analytics: SupervisedService, url: string): Promise<CheckResult> {
  const name = 'analytics restarts to the same numbers';
  const before = await figures(url);
  const restarts = analytics.restarts;
  analytics.child.kill('SIGTERM');
  let after = before;
  try {
    await waitFor('analytics to restart and catch up', async () => {
      if (analytics.restarts === restarts) return false;
      after = await figures(url);
      return after.caughtUp;
    }, 120_000, 250);
  } catch (err) {
    return { name, ok: false, detail: (err as Error).message };
  }
  const differing = FIGURES.filter((k) => before.figures[k] !== after.figures[k]);
  return {
    name,
    ok: differing.length === 0,
    detail: differing.map((k) => `${k}: ${String(before.figures[k])} before, ${String(after.figures[k])} after`).join('; '),
  };
}
