import { z } from 'zod';
import { errors } from '../errors/catalogue.js';
import { fieldCode } from '../validation/field-code.js';

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
export const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

/**
 * The optional Idempotency-Key of a create or a pay-all: the same key and body replay the
 * first answer (with `Idempotent-Replayed: true`), for 24 hours.
 */
export const idempotencyKeySchema = z
  .string()
  .min(1)
  .max(MAX_IDEMPOTENCY_KEY_LENGTH)
  .regex(/^[\x20-\x7e]+$/, errors.INVALID_IDEMPOTENCY_KEY.message)
  .meta({ ...fieldCode(errors.INVALID_IDEMPOTENCY_KEY), description: 'Printable ASCII; a UUID per intended operation works well', example: '3f1d2c9a-6b7e-4f00-9a55-0c2b7d1e8a44' });
