import { listTransactionsQuerySchema, pageRules } from '@paymesh/contract/payment';
import { validate } from '@paymesh/shared/errors';
import { decodeCursor, type PageCursor } from './transactions.cursor.js';

export interface PageRequest {
  limit: number;
  after?: PageCursor;
}

/** Reads `limit` and `cursor` from a query string; anything else in it (a `user_id`) is ignored. */
export function parsePageRequest(query: unknown): PageRequest {
  const { limit, cursor } = validate(listTransactionsQuerySchema, query);
  const size = limit === undefined ? pageRules.defaultSize : Number(limit);
  return cursor === undefined ? { limit: size } : { limit: size, after: decodeCursor(cursor) };
}
