import { StatCard } from '@/components/stat-card';
import { formatCount, formatMoney } from '@/lib/format';
import type { GlobalStats } from '../api/stats.api';

export function GlobalStatsCards({ stats }: { stats: GlobalStats }) {
  return (
    <dl className="stat-grid">
      <StatCard label="Transactions" value={formatCount(stats.total_transactions)} testId="global-transactions" />
      <StatCard label="Amount" value={formatMoney(stats.total_amount)} testId="global-amount" />
      <StatCard label="Paid" value={formatCount(stats.total_paid_transactions)} testId="global-paid"
        detail={`${formatMoney(stats.total_paid_amount)} paid`} />
      <StatCard label="Users" value={formatCount(stats.unique_users)} testId="global-users" />
      <StatCard label="Events processed" value={formatCount(stats.events_processed)} testId="global-events" />
    </dl>
  );
}
