import { z } from 'zod';
import { errors } from '../errors/catalogue.js';
import { fieldCode } from '../validation/field-code.js';
import { characterCount, hasAtMostTwoDecimals, hasControlCharacters, hasLoneSurrogates, transactionRules } from './transaction.rules.js';

const { maxAmount, maxDescriptionLength } = transactionRules;
const missing = (input: unknown) => input === undefined || input === null;

// Each check stops the field's checks (abort), so a field gets one problem, the first it breaks.
export const amountSchema = z
  .number({ error: (issue) => (missing(issue.input) ? 'is required' : 'must be a JSON number, not a string or other type') })
  .gt(0, { error: 'must be greater than 0', abort: true })
  .max(maxAmount, { error: `must be at most ${maxAmount}`, abort: true })
  .refine(hasAtMostTwoDecimals, { error: 'must have at most 2 decimal places', abort: true })
  .meta({ ...fieldCode(errors.INVALID_AMOUNT), description: 'A JSON number above 0 with at most 2 decimals', example: 12.5 });

export const descriptionSchema = z
  .string({ error: (issue) => (missing(issue.input) ? 'is required' : 'must be a string') })
  .trim()
  .min(1, { error: 'must not be blank', abort: true })
  .refine((text) => characterCount(text) <= maxDescriptionLength, { error: `must be at most ${maxDescriptionLength} characters`, abort: true })
  .refine((text) => !hasControlCharacters(text), { error: 'must not contain control characters', abort: true })
  .refine((text) => !hasLoneSurrogates(text), { error: 'must be valid Unicode (no lone surrogate escapes)', abort: true })
  .meta({
    ...fieldCode(errors.INVALID_DESCRIPTION),
    description: `1 to ${maxDescriptionLength} characters once trimmed, with no control characters`,
    example: 'coffee',
  });

/**
 * A create's body. Unknown fields (a `user_id` in particular) are dropped: the user comes from
 * the token. A bad field answers 400 with that field's own code (the first bad one's at the top,
 * every one in `fields`), which clients already branch on.
 */
export const createTransactionRequestSchema = z
  .object({ amount: amountSchema, description: descriptionSchema }, { error: errors.INVALID_BODY.message })
  .meta({ ...fieldCode(errors.INVALID_BODY), id: 'CreateTransactionRequest', example: { amount: 12.5, description: 'coffee' } });

export type CreateTransactionRequest = z.input<typeof createTransactionRequestSchema>;
