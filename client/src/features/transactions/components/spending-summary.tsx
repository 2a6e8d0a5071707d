import { formatCentsForPeople } from '@/lib/format';
import { PayAll } from './pay-all';

/** The person's running totals, in cents; where they come from is the app's choice. */
export interface Spending {
  totalCents: number;
  count: number;
  unpaidCount: number;
  unpaidCents: number;
}

interface SpendingSummaryProps {
  spending: Spending | null;
  /** The server's cap, or null until it has answered. */
  capCents: number | null;
  error?: string | null;
}

export function SpendingSummary({ spending, capCents, error }: SpendingSummaryProps) {
  const total = spending?.totalCents ?? 0;
  const cap = capCents ?? 0;
  const left = Math.max(0, cap - total);
  const percent = cap > 0 ? Math.min(100, (total / cap) * 100) : 0;
  const capText = capCents === null ? '—' : formatCentsForPeople(capCents);
  const tone = percent >= 100 ? 'full' : percent >= 80 ? 'high' : 'ok';

  return (
    <section className="card summary" aria-labelledby="summary-title">
      <div className="summary-head">
        <h2 id="summary-title">Your spending</h2>
        {spending && (
          <p className="muted">
            {spending.unpaidCount > 0
              ? <>{spending.unpaidCount} unpaid · <span data-testid="unpaid-amount">{formatCentsForPeople(spending.unpaidCents)}</span> to pay</>
              : 'Everything is paid'}
          </p>
        )}
      </div>
      {error && !spending && <p className="inline-error" role="alert">Your total is unavailable right now ({error}).</p>}
      <p className="summary-total">
        <span className="big" data-testid="spent-total">{spending ? formatCentsForPeople(total) : '—'}</span>
        <span className="muted"> of <span data-testid="cap">{capText}</span> cap</span>
      </p>
      <div className={`meter meter-${tone}`} role="progressbar" aria-label="Total against the cap"
        aria-valuemin={0} aria-valuemax={cap / 100} aria-valuenow={total / 100}
        aria-valuetext={`${formatCentsForPeople(total)} of ${capText}`}>
        <div className="meter-fill" style={{ width: `${percent}%` }} />
      </div>
      <div className="summary-foot">
        <p><span data-testid="remaining">{spending && capCents !== null ? formatCentsForPeople(left) : '—'}</span> <span className="muted">still allowed</span></p>
        <PayAll nothingToPay={spending !== null && spending.unpaidCount === 0} />
      </div>
    </section>
  );
}
