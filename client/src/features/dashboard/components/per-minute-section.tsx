import { formatCount, formatMoney } from '@/lib/format';
import { useNow } from '@/lib/use-now';
import { usePerMinute } from '../api/use-stats';
import { toBuckets } from './minute-buckets';
import { PerMinuteChart } from './per-minute-chart';

export function PerMinuteSection() {
  const series = usePerMinute();
  // Re-bucket every 10 s so the window slides on a quiet system too.
  const now = useNow(10_000);
  if (series.isPending) return <p className="muted" role="status">Loading the last hour…</p>;
  if (series.isError) return <p className="inline-error" role="alert">The per-minute chart is unavailable right now.</p>;
  return (
    <div className="chart-grid">
      <PerMinuteChart title="Transactions per minute" tone="primary" format={formatCount}
        buckets={toBuckets(series.data, (p) => p.transactions, now)} />
      <PerMinuteChart title="Amount per minute" tone="accent" format={formatMoney}
        buckets={toBuckets(series.data, (p) => p.amount, now)} />
    </div>
  );
}
