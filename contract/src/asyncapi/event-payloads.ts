import { z } from 'zod';
import { transactionCreatedSchema, transactionPaidSchema } from '@paymesh/shared/events';

/**
 * An event schema as the JSON Schema (draft-07) that AsyncAPI 3 payloads use by default. The
 * schema is the one the producer and the consumer validate with, so the document cannot drift
 * from what is on the wire. Refinements (an amount's two decimals) have no JSON Schema form and
 * are stated in the field's description instead.
 */
function payloadOf(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _dialect, ...payload } = z.toJSONSchema(schema, { target: 'draft-07', io: 'output' });
  return payload;
}

const AMOUNT_RULE = 'A positive amount in currency units with at most 2 decimals (12.5 is 12.50).';

function describeAmount(payload: Record<string, unknown>, field: string): Record<string, unknown> {
  const properties = payload.properties as Record<string, Record<string, unknown>>;
  properties[field] = { ...properties[field], description: AMOUNT_RULE };
  return payload;
}

export const transactionCreatedPayload = () => describeAmount(payloadOf(transactionCreatedSchema), 'amount');
export const transactionPaidPayload = () => describeAmount(payloadOf(transactionPaidSchema), 'amount_paid');
