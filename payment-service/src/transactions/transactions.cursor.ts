import { MAX_CURSOR_LENGTH } from '@paymesh/contract/payment';
import { AppError, errors } from '@paymesh/shared/errors';

/** Where a page ends: the (created_at, id) of its last row, the listing's sort key. */
export interface PageCursor {
  createdAt: Date;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const BASE64URL = /^[A-Za-z0-9_-]+$/;
// Every row's created_at lies in this range; outside it a JS Date can hold instants PostgreSQL
// refuses or misreads (year 0, negative years, the six-digit years of +010000).
const EARLIEST = Date.UTC(1970, 0, 1);
const LATEST = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

// A cursor longer than any this service writes (an ISO instant, "|", a uuid, in base64url) is not one of ours.
const notOurs = () => new AppError(errors.INVALID_CURSOR);

/** Opaque to clients, so the sort key can change without breaking their links. */
export function encodeCursor(cursor: PageCursor): string {
  return Buffer.from(`${cursor.createdAt.toISOString()}|${cursor.id}`, 'utf8').toString('base64url');
}

/** The cursor's sort key, checked to be one the listing could have ended on; anything else is a 400. */
export function decodeCursor(text: string): PageCursor {
  if (text.length > MAX_CURSOR_LENGTH || !BASE64URL.test(text)) throw notOurs();
  const [iso, id, ...rest] = Buffer.from(text, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(iso ?? '');
  const time = createdAt.getTime();
  if (rest.length > 0 || !id || !UUID.test(id) || !(time >= EARLIEST && time <= LATEST) || createdAt.toISOString() !== iso) {
    throw notOurs();
  }
  return { createdAt, id };
}
