import { StatCard } from '@/components/stat-card';
import { formatCount, formatMoney } from '@/lib/format';
import { useOwnStats } from '../api/use-stats';

export function OwnStatsCards() {
  const own = useOwnStats();
  if (own.isPending) return <p className="muted" role="status">Loading your numbers…</p>;
  if (own.isError) return <p className="inline-error" role="alert">Your own numbers are unavailable right now ({own.error.message}).</p>;
  const s = own.data;
  return (
    <dl className="stat-grid">
      <StatCard label="Your transactions" value={formatCount(s.total_transactions)} testId="own-transactions" />
      <StatCard label="Your amount" value={formatMoney(s.total_amount)} testId="own-amount" />
      <StatCard label="Paid" value={formatCount(s.total_paid_transactions)} detail={`${formatMoney(s.total_paid_amount)} paid`} testId="own-paid" />
      <StatCard label="Unpaid" value={formatCount(s.total_transactions - s.total_paid_transactions)}
        detail={`${formatMoney(Math.max(0, s.total_amount - s.total_paid_amount))} to pay`} testId="own-unpaid" />
    </dl>
  );
}
