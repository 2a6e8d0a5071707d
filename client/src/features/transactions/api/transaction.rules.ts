import { formatCents } from '@paymesh/shared/money';

/** The per-user cap on the total of all transactions, paid or not, as payment-service has it. */
export const CAP_CENTS = 100_000;
export const MAX_DESCRIPTION = 255;

export interface TransactionDraft {
  amount: string;
  description: string;
}

export interface DraftErrors {
  amount?: string;
  description?: string;
}

const AMOUNT = /^\d+(\.\d+)?$/;
// Same as payment-service: NUL can't be stored and other control characters hide text.
const CONTROL_CHARACTERS = /\p{Cc}/u;

/** Cents for what a person typed, or null when it is not a plain positive decimal. */
export function parseAmount(text: string): number | null {
  const trimmed = text.trim();
  if (!AMOUNT.test(trimmed)) return null;
  const [whole = '0', fraction = ''] = trimmed.split('.');
  if (fraction.length > 2) return null;
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

/**
 * The checks payment-service makes, in the same order, so a refusal is rare and, when it
 * happens, says the same thing. `remainingCents` is null while the total is not known yet.
 */
export function checkDraft(draft: TransactionDraft, remainingCents: number | null): DraftErrors {
  const errors: DraftErrors = {};
  const text = draft.amount.trim();
  const cents = parseAmount(text);
  if (!text) errors.amount = 'Enter an amount.';
  else if (/^-/.test(text)) errors.amount = 'Enter an amount above 0.';
  else if (/^\d+\.\d{3,}$/.test(text)) errors.amount = 'Use at most 2 decimal places.';
  else if (cents === null) errors.amount = 'Enter a number, like 12.50.';
  else if (cents === 0) errors.amount = 'Enter an amount above 0.';
  else if (remainingCents !== null && cents > remainingCents) {
    errors.amount = remainingCents === 0
      ? `You have reached the ${formatCents(CAP_CENTS)} cap.`
      : `That is over your cap: your total is ${formatCents(CAP_CENTS - remainingCents)}, so at most ${formatCents(remainingCents)} is still allowed.`;
  }
  const description = draft.description.trim();
  if (!description) errors.description = 'Describe what it is for.';
  else if ([...description].length > MAX_DESCRIPTION) errors.description = `Use at most ${MAX_DESCRIPTION} characters.`;
  else if (CONTROL_CHARACTERS.test(description)) errors.description = 'Remove the invisible control characters.';
  return errors;
}
