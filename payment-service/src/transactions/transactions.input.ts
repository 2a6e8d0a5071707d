import { badRequest } from '@paymesh/shared/errors';
import { toCents } from '@paymesh/shared/money';

/** Anything above this is a typo or an attack, not a payment: refused before it reaches the cap. */
export const MAX_AMOUNT = 1_000_000_000;
export const MAX_DESCRIPTION_LENGTH = 255;
// NUL cannot be stored in a text column, and other control characters only hide text in logs and UIs.
const CONTROL_CHARACTERS = /\p{Cc}/u;
// A lone UTF-16 surrogate ("\ud800" in JSON) has no UTF-8 form: the driver would store U+FFFD instead.
const LONE_SURROGATE = /\p{Cs}/u;

export interface NewTransaction {
  amountCents: number;
  description: string;
}

interface FieldProblem {
  field: string;
  code: string;
  message: string;
}

function amountProblem(value: unknown): string | null {
  if (value === undefined || value === null) return 'is required';
  if (typeof value !== 'number') return 'must be a JSON number, not a string or other type';
  if (!Number.isFinite(value)) return 'must be a finite number';
  if (value <= 0) return 'must be greater than 0';
  if (value > MAX_AMOUNT) return `must be at most ${MAX_AMOUNT}`;
  if (toCents(value) === null) return 'must have at most 2 decimal places';
  return null;
}

function descriptionProblem(value: unknown): string | null {
  if (value === undefined || value === null) return 'is required';
  if (typeof value !== 'string') return 'must be a string';
  const text = value.trim();
  if (text.length === 0) return 'must not be blank';
  // Counted in code points, as a person counts characters; 255 of them are at most 1020 bytes of UTF-8.
  if ([...text].length > MAX_DESCRIPTION_LENGTH) return `must be at most ${MAX_DESCRIPTION_LENGTH} characters`;
  if (CONTROL_CHARACTERS.test(text)) return 'must not contain control characters';
  if (LONE_SURROGATE.test(text)) return 'must be valid Unicode (no lone surrogate escapes)';
  return null;
}

/**
 * Checks a create body field by field. The top-level `code` names the first bad field so a
 * program can branch on it; `fields` lists every problem so a person can fix them in one go.
 * Unknown fields (a `user_id` in particular) are ignored: the user comes from the token.
 */
export function parseNewTransaction(body: unknown): NewTransaction {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw badRequest('INVALID_BODY', 'The body must be a JSON object {amount, description}');
  }
  const { amount, description } = body as Record<string, unknown>;
  const problems: FieldProblem[] = [];
  const amountIssue = amountProblem(amount);
  if (amountIssue) problems.push({ field: 'amount', code: 'INVALID_AMOUNT', message: amountIssue });
  const descriptionIssue = descriptionProblem(description);
  if (descriptionIssue) problems.push({ field: 'description', code: 'INVALID_DESCRIPTION', message: descriptionIssue });
  const [first] = problems;
  if (first) {
    const summary = problems.map((p) => `${p.field} ${p.message}`).join('; ');
    throw badRequest(first.code, `Invalid transaction: ${summary}`, { fields: problems });
  }
  return { amountCents: toCents(amount as number)!, description: (description as string).trim() };
}
