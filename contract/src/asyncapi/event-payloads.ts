import { z } from 'zod';

// Amounts are refined (at most two decimals), which JSON Schema cannot say: the payload says it in words.
const AMOUNT_FIELDS = ['amount', 'amount_paid'];
const AMOUNT_RULE = 'A positive amount in currency units with at most 2 decimals (12.5 is 12.50).';

/**
 * An event schema as the JSON Schema (draft-07) that AsyncAPI 3 payloads use by default. The
 * schema is the one the producer and the consumer validate with, so the document cannot drift
 * from what is on the wire.
 */
export function payloadOf(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _dialect, ...payload } = z.toJSONSchema(schema, { target: 'draft-07', io: 'output' });
  const properties = (payload.properties ?? {}) as Record<string, Record<string, unknown>>;
  for (const field of AMOUNT_FIELDS) {
    if (properties[field]) properties[field] = { ...properties[field], description: AMOUNT_RULE };
  }
  return payload;
}
