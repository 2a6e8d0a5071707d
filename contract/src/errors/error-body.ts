import { z } from 'zod';
import { errorCodes, type ErrorCode } from './catalogue.js';

/**
 * Every error answer: `error` for people, `code` (stable) for programs, `request_id` to find
 * the request in the logs (also in X-Request-Id), then any details of that error at the top
 * level (`fields`, `current_total`, `retry_after_s`…). Loose, so new details stay compatible.
 */
export const errorBodySchema = z
  .looseObject({
    error: z.string().meta({ description: 'What went wrong, for people' }),
    code: z.string().meta({ description: 'Stable, for programs: one of the error catalogue' }),
    request_id: z.string().meta({ description: 'The request in the logs; also the X-Request-Id header' }),
  })
  .meta({
    id: 'ErrorBody',
    description: 'The body of every 4xx and 5xx answer',
    example: { error: 'A valid bearer token is required', code: 'UNAUTHORIZED', request_id: '6f1c1c8e-0d5e-4a57-9b1e-1d1f1bb2b0a1' },
  });

export type ErrorBody = z.infer<typeof errorBodySchema>;

/** The error body narrowed to the codes one answer can carry, for documenting each status. */
export const errorBodyWith = <const C extends readonly [ErrorCode, ...ErrorCode[]]>(...codes: C) =>
  errorBodySchema.extend({ code: z.enum(codes) });

export const anyErrorBodySchema = errorBodyWith(...errorCodes);

/** One problem in a request's field: which field, why, and the field's own code when it has one. */
export const fieldProblemSchema = z
  .object({ field: z.string(), message: z.string(), code: z.string().optional() })
  .meta({ id: 'FieldProblem', example: { field: 'amount', code: 'INVALID_AMOUNT', message: 'must be greater than 0' } });

export type FieldProblem = z.infer<typeof fieldProblemSchema>;

/** A 400 that names every offending field, so a client can fix its request in one go. */
export const validationErrorBodySchema = errorBodySchema
  .extend({ fields: z.array(fieldProblemSchema) })
  .meta({ id: 'ValidationErrorBody', description: 'A 400 that lists every bad field' });

/** What one error answer is made of, whoever sends it. */
export interface ErrorParts {
  code: string;
  message: string;
  details?: Readonly<Record<string, unknown>>;
}

/** The one builder of error bodies: the error handler, the gateway's own answers and stored idempotent answers all use it. */
export function errorBody({ code, message, details }: ErrorParts, requestId: string | undefined): ErrorBody {
  return { error: message, code, request_id: requestId as string, ...details };
}
