import { createHash } from 'node:crypto';
import { idempotencyKeySchema } from '@paymesh/contract/payment';
import { AppError, errors } from '@paymesh/shared/errors';

export const IDEMPOTENCY_HEADER = 'idempotency-key';

/** The Idempotency-Key of a request, if it sent one; a malformed key is a 400, never silently ignored. */
export function idempotencyKeyOf(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (!idempotencyKeySchema.safeParse(header).success) throw new AppError(errors.INVALID_IDEMPOTENCY_KEY);
  return header;
}

/** A piece of the output: text written as is, or a JSON value still to be written. */
type Piece = { text: string } | { value: unknown };

/**
 * JSON with object keys sorted, so the same body written in another key order is the same
 * request. Written with an explicit stack, not recursion: the body is the client's, and a
 * deeply nested field (ignored by the route, but part of the body) must not overflow the
 * call stack. The work is linear in the body's size, which the JSON parser already bounds.
 */
function canonicalJson(root: unknown): string {
  const out: string[] = [];
  const todo: Piece[] = [{ value: root }];
  for (let piece = todo.pop(); piece; piece = todo.pop()) {
    if ('text' in piece) {
      out.push(piece.text);
      continue;
    }
    const { value } = piece;
    if (Array.isArray(value)) {
      // Pushed in reverse, so they come off the stack in order.
      todo.push({ text: ']' });
      for (let i = value.length - 1; i >= 0; i--) todo.push({ value: value[i] as unknown }, ...(i > 0 ? [{ text: ',' }] : []));
      todo.push({ text: '[' });
    } else if (value !== null && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record).sort();
      todo.push({ text: '}' });
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i]!;
        todo.push({ value: record[key] }, { text: `${i > 0 ? ',' : ''}${JSON.stringify(key)}:` });
      }
      todo.push({ text: '{' });
    } else {
      out.push(JSON.stringify(value) ?? 'null');
    }
  }
  return out.join('');
}

/** What "the same request" means for a key: the same operation with the same body. */
export function requestFingerprint(operation: string, body: unknown): string {
  return createHash('sha256').update(`${operation}\n${canonicalJson(body ?? {})}`).digest('hex');
}
