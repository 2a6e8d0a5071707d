import { useOwnStats } from '@/features/dashboard/api/use-stats';
import { TransactionsPage } from '@/features/transactions/components/transactions-page';
import { centsOf } from '@/lib/format';

/** The person's total comes from analytics' own stats, which the live stream keeps current. */
export function TransactionsRoute() {
  const own = useOwnStats();
  const s = own.data;
  const spending = s ? {
    totalCents: centsOf(s.total_amount),
    count: s.total_transactions,
    unpaidCount: s.total_transactions - s.total_paid_transactions,
    unpaidCents: centsOf(s.total_amount) - centsOf(s.total_paid_amount),
  } : null;
  return <TransactionsPage spending={spending} spendingError={own.isError ? own.error.message : null} />;
}
