import { z } from 'zod';
import { errors } from '../errors/catalogue.js';
import { fieldCode } from '../validation/field-code.js';
import { pageRules } from './transaction.rules.js';

const { maxSize } = pageRules;

/** The cursor is opaque: payment-service writes it and alone can read it back. */
export const MAX_CURSOR_LENGTH = 100;

/**
 * `GET /payment/transactions/list?limit=&cursor=`. A repeated parameter arrives as an array:
 * which one was meant is unknowable, so it is refused. Anything else in the query (a
 * `user_id`) is ignored: the user comes from the token.
 */
export const listTransactionsQuerySchema = z
  .object({
    limit: z
      .string({ error: `must be given once, as a whole number from 1 to ${maxSize}` })
      .regex(/^\d{1,4}$/, `must be a whole number from 1 to ${maxSize}`)
      .refine((text) => Number(text) >= 1 && Number(text) <= maxSize, `must be a whole number from 1 to ${maxSize}`)
      .optional()
      .meta({ ...fieldCode(errors.INVALID_LIMIT), description: `Rows per page, 1 to ${maxSize} (default ${pageRules.defaultSize})`, example: '20' }),
    cursor: z
      .string({ error: 'must be given once' })
      .max(MAX_CURSOR_LENGTH, errors.INVALID_CURSOR.message)
      .optional()
      .meta({ ...fieldCode(errors.INVALID_CURSOR), description: 'Where the previous page ended, from its `Link: rel="next"`' }),
  })
  .meta({ id: 'ListTransactionsQuery' });

export type ListTransactionsQuery = z.infer<typeof listTransactionsQuerySchema>;
