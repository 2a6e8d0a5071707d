import type { ReactNode } from 'react';

interface FieldProps {
  /** The id of the control inside, so the label names it and the message describes it. */
  id: string;
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  children: ReactNode;
}

/** A labelled control with its error (or hint) below; the ids follow `${id}-error` / `${id}-hint`. */
export function Field({ id, label, error, hint, children }: FieldProps) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
      {error ? <p className="field-error" id={`${id}-error`}>{error}</p> : hint && <p className="hint" id={`${id}-hint`}>{hint}</p>}
    </div>
  );
}

/** The aria-describedby for a control wrapped in <Field>. */
export const describedBy = (id: string, error?: string, hint?: string) =>
  error ? `${id}-error` : hint ? `${id}-hint` : undefined;
