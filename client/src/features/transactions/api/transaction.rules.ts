import { characterCount, hasControlCharacters, transactionRules } from '@paymesh/contract/payment';
import { formatCents } from '@paymesh/shared/money';

export interface TransactionDraft {
  amount: string;
  description: string;
}

export interface DraftErrors {
  amount?: string;
  description?: string;
}

/** How much the cap still allows: the server's cap (from GET /payment/limits) and the person's total. */
export interface CapRoom {
  capCents: number;
  remainingCents: number;
}

const AMOUNT = /^\d+(\.\d+)?$/;

/** Cents for what a person typed, or null when it is not a plain positive decimal. */
export function parseAmount(text: string): number | null {
  const trimmed = text.trim();
  if (!AMOUNT.test(trimmed)) return null;
  const [whole = '0', fraction = ''] = trimmed.split('.');
  if (fraction.length > 2) return null;
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

function capProblem(cents: number, room: CapRoom | null): string | undefined {
  if (room === null || cents <= room.remainingCents) return undefined;
  if (room.remainingCents === 0) return `You have reached the ${formatCents(room.capCents)} cap.`;
  const total = formatCents(room.capCents - room.remainingCents);
  return `That is over your cap: your total is ${total}, so at most ${formatCents(room.remainingCents)} is still allowed.`;
}

/**
 * The contract's rules for a new transaction, checked as the person types, in the order
 * payment-service checks them, so a refusal is rare and, when it happens, says the same thing.
 * `room` is null while the cap or the total is not known yet.
 */
export function checkDraft(draft: TransactionDraft, room: CapRoom | null): DraftErrors {
  const errors: DraftErrors = {};
  const text = draft.amount.trim();
  const cents = parseAmount(text);
  if (!text) errors.amount = 'Enter an amount.';
  else if (/^-/.test(text)) errors.amount = 'Enter an amount above 0.';
  else if (/^\d+\.\d{3,}$/.test(text)) errors.amount = 'Use at most 2 decimal places.';
  else if (cents === null) errors.amount = 'Enter a number, like 12.50.';
  else if (cents === 0) errors.amount = 'Enter an amount above 0.';
  else errors.amount = capProblem(cents, room);
  const description = draft.description.trim();
  const { maxDescriptionLength } = transactionRules;
  if (!description) errors.description = 'Describe what it is for.';
  else if (characterCount(description) > maxDescriptionLength) errors.description = `Use at most ${maxDescriptionLength} characters.`;
  else if (hasControlCharacters(description)) errors.description = 'Remove the invisible control characters.';
  return errors;
}
