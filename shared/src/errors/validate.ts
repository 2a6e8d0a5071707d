import type { z } from 'zod';
import { errors } from '@paymesh/contract/errors';
import { requestProblems } from '@paymesh/contract/validation';
import { AppError } from './app-error.js';

/**
 * Parses untrusted input against a contract schema; on failure throws a 400 that names every
 * offending field, so a client can fix its request in one go. The code is the first bad
 * field's own (from its schema's metadata) or VALIDATION_FAILED.
 */
export function validate<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const { code, fields } = requestProblems(schema, result.error);
  const summary = fields.map((f) => `${f.field}: ${f.message}`).join('; ');
  const entry = errors[code as keyof typeof errors] ?? errors.VALIDATION_FAILED;
  throw new AppError(entry, { message: `Invalid request: ${summary}`, details: { fields } });
}
