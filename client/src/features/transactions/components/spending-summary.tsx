import { formatCentsForPeople } from '@/lib/format';
import { CAP_CENTS } from '../api/transaction.rules';
import { PayAll } from './pay-all';

/** The person's running totals, in cents; where they come from is the app's choice. */
export interface Spending {
  totalCents: number;
  count: number;
  unpaidCount: number;
  unpaidCents: number;
}

export function SpendingSummary({ spending, error }: { spending: Spending | null; error?: string | null }) {
  const total = spending?.totalCents ?? 0;
  const left = Math.max(0, CAP_CENTS - total);
  const percent = Math.min(100, (total / CAP_CENTS) * 100);
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
        <span className="muted"> of {formatCentsForPeople(CAP_CENTS)} cap</span>
      </p>
      <div className={`meter meter-${tone}`} role="progressbar" aria-label="Total against the cap"
        aria-valuemin={0} aria-valuemax={CAP_CENTS / 100} aria-valuenow={total / 100}
        aria-valuetext={`${formatCentsForPeople(total)} of ${formatCentsForPeople(CAP_CENTS)}`}>
        <div className="meter-fill" style={{ width: `${percent}%` }} />
      </div>
      <div className="summary-foot">
        <p><span data-testid="remaining">{spending ? formatCentsForPeople(left) : '—'}</span> <span className="muted">still allowed</span></p>
        <PayAll nothingToPay={spending !== null && spending.unpaidCount === 0} />
      </div>
    </section>
  );
}
