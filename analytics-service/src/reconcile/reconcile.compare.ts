import { formatCents, toCents } from '@paymesh/shared/money';
import type { StatsBody } from '../stats/stats.view.js';
import type { LedgerTotals } from './payment-totals.repository.js';

export interface Difference {
  field: string;
  analytics: number | string;
  payment_db: number | string;
}

/** Every figure analytics and the payment database both hold, side by side, where they differ. */
export function compareTotals(stats: StatsBody, ledger: LedgerTotals): Difference[] {
  const money = (amount: number) => toCents(amount) ?? Number.NaN;
  const pairs: [string, number, number, boolean][] = [
    ['total_transactions', stats.total_transactions, ledger.transactions, false],
    ['total_amount', money(stats.total_amount), ledger.cents, true],
    ['total_paid_transactions', stats.total_paid_transactions, ledger.paid, false],
    ['total_paid_amount', money(stats.total_paid_amount), ledger.paidCents, true],
    ['unique_users', stats.unique_users, ledger.users, false],
  ];
  return pairs
    .filter(([, analytics, db]) => analytics !== db)
    .map(([field, analytics, db, isMoney]) => ({
      field,
      analytics: isMoney ? formatCents(analytics) : analytics,
      payment_db: isMoney ? formatCents(db) : db,
    }));
}
