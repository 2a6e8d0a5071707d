import { badRequest } from '@paymesh/shared/errors';
import { decodeCursor, type PageCursor } from './transactions.cursor.js';

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 500;

export interface PageRequest {
  limit: number;
  after?: PageCursor;
}

/** Reads `limit` and `cursor` from a query string; anything else in it (a `user_id`) is ignored. */
export function parsePageRequest(query: Record<string, unknown>): PageRequest {
  const { limit, cursor } = query;
  let size = DEFAULT_PAGE_SIZE;
  if (limit !== undefined) {
    if (typeof limit !== 'string' || !/^\d{1,4}$/.test(limit) || Number(limit) < 1 || Number(limit) > MAX_PAGE_SIZE) {
      throw badRequest('INVALID_LIMIT', `limit must be a whole number from 1 to ${MAX_PAGE_SIZE}`);
    }
    size = Number(limit);
  }
  if (cursor === undefined) return { limit: size };
  // A repeated parameter arrives as an array: which one was meant is unknowable, so it is refused.
  if (typeof cursor !== 'string') throw badRequest('INVALID_CURSOR', 'The cursor is not one this service returned');
  return { limit: size, after: decodeCursor(cursor) };
}
