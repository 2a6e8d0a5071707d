import { z } from 'zod';
import { IDEMPOTENCY_KEY_HEADER, idempotencyKeySchema } from '../payment/index.js';

/** Response headers, each described once and shared by every answer that carries it. */
export const requestIdHeader = z.string().meta({ description: 'The request id, also in an error body\'s `request_id`; a caller\'s own X-Request-Id is kept when it is a safe token.' });
export const retryAfterHeader = z.string().regex(/^\d+$/).meta({ description: 'Seconds to wait before trying again.' });
export const wwwAuthenticateHeader = z.string().meta({ description: 'Names the scheme to use: `Bearer`.' });
export const linkHeader = z.string().meta({ description: 'The next page, when there is one: `</payment/transactions/list?limit=…&cursor=…>; rel="next"`.' });
export const etagHeader = z.string().meta({ description: 'A strong validator of the body; send it back in If-None-Match to get a 304 while it holds.' });
export const cacheControlHeader = z.string().meta({ description: 'How long a cache may keep the answer.' });
export const idempotentReplayedHeader = z.literal('true').meta({ description: 'Present when this is the stored answer of an earlier request with the same Idempotency-Key.' });

/** Request headers. */
export const idempotencyKeyParams = z.object({
  [IDEMPOTENCY_KEY_HEADER]: idempotencyKeySchema.optional().meta({
    description: 'Makes a retry safe: the same key and body replay the first answer for 24 hours; a different body with the same key is a 422.',
  }),
});
export const ifNoneMatchParams = z.object({
  'If-None-Match': z.string().optional().meta({ description: 'An ETag from an earlier answer: a 304 with no body while it still holds.' }),
});

/** Headers every answer of the gateway carries. */
export const alwaysHeaders = { 'X-Request-Id': requestIdHeader };
