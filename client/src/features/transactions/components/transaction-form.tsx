import { useId, useRef, useState, type FormEvent } from 'react';
import { describedBy, Field } from '@/components/field';
import { formatMoney } from '@/lib/format';
import { newIdempotencyKey } from '@/lib/idempotency-key';
import { checkDraft, parseAmount, type CapRoom, type TransactionDraft } from '../api/transaction.rules';
import { useCreateTransaction } from '../api/use-transactions';
import { capRefusalText, describeCreateFailure, type CreateFailure } from './create-errors';

const EMPTY: TransactionDraft = { amount: '', description: '' };

/** `room`: the server's cap and what it still allows, or null while either is unknown. */
export function TransactionForm({ room }: { room: CapRoom | null }) {
  const id = useId();
  const create = useCreateTransaction();
  const [draft, setDraft] = useState(EMPTY);
  const [failure, setFailure] = useState<CreateFailure>({ fields: {} });
  const [created, setCreated] = useState<string | null>(null);
  // One key per submission of these values: a double click or a retry after a timeout
  // replays the same request, so it can never create the transaction twice.
  const key = useRef<string | null>(null);
  // Set synchronously: a second click can land before React re-renders the button disabled.
  const inFlight = useRef(false);

  const edit = (field: keyof TransactionDraft) => (value: string) => {
    key.current = null;
    setDraft((d) => ({ ...d, [field]: value }));
    // The complaint was about the old value: drop it once the person starts fixing it.
    setFailure((f) => ({ fields: { ...f.fields, [field]: undefined } }));
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (inFlight.current) return;
    // The stray second click of a double click, landing after the first already succeeded and
    // emptied the form: keep the confirmation rather than complain about an empty amount.
    if (created && !draft.amount && !draft.description) return;
    const fields = checkDraft(draft, room);
    setFailure({ fields });
    setCreated(null);
    if (fields.amount || fields.description) return;
    key.current ??= newIdempotencyKey();
    inFlight.current = true;
    try {
      const tx = await create.mutateAsync({
        input: { amount: parseAmount(draft.amount)! / 100, description: draft.description.trim() },
        idempotencyKey: key.current,
      });
      key.current = null;
      setDraft(EMPTY);
      setCreated(`Created ${formatMoney(tx.amount)} for “${tx.description}”.`);
    } catch (error) {
      setFailure(describeCreateFailure(error));
    } finally {
      inFlight.current = false;
    }
  }

  const message = failure.cap ? capRefusalText(failure.cap) : failure.form;
  return (
    <form className="card stack-sm" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>New transaction</h2>
      {message && <p className="form-error" role="alert" data-testid={failure.cap ? 'cap-refusal' : undefined}>{message}</p>}
      {created && <p className="success" role="status">{created}</p>}
      <div className="form-row">
        <Field id={`${id}-amount`} label="Amount" error={failure.fields.amount}>
          <input id={`${id}-amount`} name="amount" inputMode="decimal" autoComplete="off" placeholder="0.00"
            value={draft.amount} onChange={(e) => edit('amount')(e.target.value)}
            aria-invalid={Boolean(failure.fields.amount)} aria-describedby={describedBy(`${id}-amount`, failure.fields.amount)} />
        </Field>
        <Field id={`${id}-description`} label="Description" error={failure.fields.description}>
          <input id={`${id}-description`} name="description" autoComplete="off" placeholder="What is it for?" maxLength={300}
            value={draft.description} onChange={(e) => edit('description')(e.target.value)}
            aria-invalid={Boolean(failure.fields.description)} aria-describedby={describedBy(`${id}-description`, failure.fields.description)} />
        </Field>
      </div>
      <button type="submit" className="button primary" disabled={create.isPending} aria-busy={create.isPending}>
        {create.isPending && <span className="spinner" aria-hidden="true" />}Create
      </button>
    </form>
  );
}
