import { setTimeout as sleep } from 'node:timers/promises';
import { errors } from '@paymesh/contract/errors';
import type { Attempt } from './history.js';

export interface Request {
  method: 'GET' | 'POST';
  path: string;
  token?: string;
  idempotencyKey?: string;
  body?: unknown;
}

export interface ClientOptions {
  baseUrl: string;
  /** A request with no answer by then is abandoned and counts as a timeout. */
  timeoutMs: number;
  /** A client stops retrying an operation this long after its first attempt. */
  giveUpAfterMs: number;
  /** Keep the body of the answer in the history (writes need it; reads do not). */
  keepBody: boolean;
}

async function exchange(baseUrl: string, request: Request, options: ClientOptions): Promise<Attempt> {
  const startedAt = Date.now();
  try {
    const res = await fetch(`${baseUrl}${request.path}`, {
      method: request.method,
      headers: {
        ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(request.token ? { authorization: `Bearer ${request.token}` } : {}),
        ...(request.idempotencyKey ? { 'idempotency-key': request.idempotencyKey } : {}),
      },
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // Not JSON: kept as text, which the checker reports if it matters.
    }
    return { startedAt, endedAt: Date.now(), status: res.status, ...(options.keepBody || res.status >= 400 ? { body } : {}) };
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause?.code;
    return { startedAt, endedAt: Date.now(), error: cause ?? (err as Error).name };
  }
}

/** What a real client retries: no answer at all, a 5xx, a rate limit, or a key whose first request is still running. */
export function isRetryable(attempt: Attempt): boolean {
  if (attempt.status === undefined) return true;
  if (attempt.status >= 500 || attempt.status === 429) return true;
  const code = (attempt.body as { code?: string } | undefined)?.code;
  return attempt.status === 409 && code === errors.IDEMPOTENCY_KEY_IN_FLIGHT.code;
}

/**
 * What the client was finally told. A client that gave up on an answer it would have retried
 * (no answer, a 5xx, a 429, a key still in flight) does not know whether its write happened:
 * `unknown`, never `refused`, so the checker allows it to exist once or not at all.
 */
export function outcomeOf(last: Attempt): 'ok' | 'refused' | 'unknown' {
  if (isRetryable(last)) return 'unknown';
  return last.status !== undefined && last.status < 300 ? 'ok' : 'refused';
}

/**
 * Sends the same request (same key, same body) until it gets an answer worth keeping or the
 * client gives up, waiting longer after each failure as a polite client does.
 */
export async function sendWithRetries(request: Request, options: ClientOptions): Promise<Attempt[]> {
  const attempts: Attempt[] = [];
  const deadline = Date.now() + options.giveUpAfterMs;
  for (let n = 0; ; n++) {
    const attempt = await exchange(options.baseUrl, request, options);
    attempts.push(attempt);
    if (!isRetryable(attempt) || Date.now() >= deadline) return attempts;
    await sleep(Math.min(3_000, 200 * 2 ** Math.min(n, 4)) * (0.5 + Math.random()));
  }
}
