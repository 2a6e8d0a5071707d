import { createTransactionRequestSchema } from '@paymesh/contract/payment';
import { validate } from '@paymesh/shared/errors';
import { toCents } from '@paymesh/shared/money';

export interface NewTransaction {
  amountCents: number;
  description: string;
}

/**
 * A create body, checked against the contract: a bad field answers 400 with that field's own
 * code (INVALID_AMOUNT, INVALID_DESCRIPTION, or INVALID_BODY for a body that is not an object),
 * the first bad one at the top and every one in `fields`, so a person can fix them in one go.
 */
export function parseNewTransaction(body: unknown): NewTransaction {
  const { amount, description } = validate(createTransactionRequestSchema, body);
  // The schema allows only amounts with at most 2 decimals, which always have exact cents.
  return { amountCents: toCents(amount)!, description };
}
