import { useRef, useState } from 'react';
import { ApiError } from '@/lib/api-client';
import { formatMoney } from '@/lib/format';
import { newIdempotencyKey } from '@/lib/idempotency-key';
import { usePayAll } from '../api/use-transactions';

/** Pays every unpaid transaction of the person, and says how many and how much. */
export function PayAll({ nothingToPay }: { nothingToPay: boolean }) {
  const pay = usePayAll();
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  // Kept across a failed attempt so retrying the same click cannot pay twice.
  const key = useRef<string | null>(null);
  // Set synchronously: a second click can land before React re-renders the button disabled.
  const inFlight = useRef(false);

  async function payAll() {
    if (inFlight.current) return;
    inFlight.current = true;
    key.current ??= newIdempotencyKey();
    setOutcome(null);
    try {
      const result = await pay.mutateAsync(key.current);
      key.current = null;
      setOutcome({
        ok: true,
        text: result.transactions_paid === 0
          ? 'Nothing to pay: everything is already paid.'
          : `Paid ${result.transactions_paid} transaction${result.transactions_paid === 1 ? '' : 's'}, ${formatMoney(result.amount_paid)} in total.`,
      });
    } catch (error) {
      setOutcome({ ok: false, text: error instanceof ApiError ? error.message : 'Paying failed. Please try again.' });
    } finally {
      inFlight.current = false;
    }
  }

  return (
    <div className="pay-all">
      <button type="button" className="button accent" onClick={() => void payAll()} disabled={pay.isPending || nothingToPay} aria-busy={pay.isPending}>
        {pay.isPending && <span className="spinner" aria-hidden="true" />}Pay all
      </button>
      {outcome && <p className={outcome.ok ? 'success' : 'form-error'} role={outcome.ok ? 'status' : 'alert'} data-testid="pay-outcome">{outcome.text}</p>}
    </div>
  );
}
