import { z } from 'zod';

/** What a CAP_EXCEEDED answer adds: the caller's total now and the cap, as JSON amounts. */
export const capExceededDetailsSchema = z
  .object({
    current_total: z.number().meta({ description: "The caller's total of all transactions, paid or not" }),
    max_allowed: z.number().meta({ description: 'The per-user cap on that total' }),
  })
  .meta({ id: 'CapExceededDetails' });

/** What a RATE_LIMITED answer adds: which budget ran out and when it frees up. */
export const rateLimitedDetailsSchema = z
  .object({ limit: z.string(), retry_after_s: z.number().int() })
  .meta({ id: 'RateLimitedDetails' });
