import type { z } from 'zod';
import { AppError } from './app-error.js';

/**
 * Parses untrusted input against a schema; on failure throws a 400 that names every
 * offending field, so a client can fix its request in one go.
 */
export function validate<S extends z.ZodType>(schema: S, input: unknown, code = 'VALIDATION_FAILED'): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields = result.error.issues.map((issue) => ({
    field: issue.path.join('.') || '(body)',
    message: issue.message,
  }));
  const summary = fields.map((f) => `${f.field}: ${f.message}`).join('; ');
  throw new AppError(code, `Invalid request: ${summary}`, 400, { details: { fields } });
}
