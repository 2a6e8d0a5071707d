import type { Response } from 'express';
import { errorBody, errors, type ErrorEntry } from '@paymesh/contract/errors';
import { currentRequestId } from '@paymesh/shared/logger';

/**
 * Why one forwarded call did not end in a clean answer. `counts` says whether it is the
 * upstream's fault (and so feeds its circuit breaker); `answered` says the client already
 * has a response on its way (the upstream's own 5xx, or nobody left to answer).
 */
export class UpstreamError extends Error {
  override name = 'UpstreamError';
  readonly code: string;
  constructor(
    entry: ErrorEntry,
    message: string,
    readonly counts: boolean,
    readonly answered: boolean,
    readonly status = entry.status,
    /** The instance refused the connection, so not one byte of the request reached it. */
    readonly refused = false,
  ) {
    super(message);
    this.code = entry.code;
  }
}

export const upstreamTimedOut = (upstream: string, ms: number) =>
  new UpstreamError(errors.UPSTREAM_TIMEOUT, `The ${upstream} service did not answer within ${ms} ms`, true, false);

export const upstreamUnreachable = (upstream: string, refused = false) =>
  new UpstreamError(errors.UPSTREAM_UNREACHABLE, `The ${upstream} service could not be reached`, true, false, errors.UPSTREAM_UNREACHABLE.status, refused);

/** Statuses that say the service cannot serve anyone right now, rather than that one request broke it. */
const UNAVAILABLE = new Set([502, 503, 504]);

/**
 * The upstream answered 5xx itself: the client gets that answer. Only unavailability (502,
 * 503, 504) feeds the breaker; a 500 is one request's bug, and counting it would let a single
 * client who can trigger it shut the service off for everyone.
 */
export const upstreamFailed = (upstream: string, status: number) =>
  new UpstreamError(errors.UPSTREAM_FAILED, `The ${upstream} service answered ${status}`, UNAVAILABLE.has(status), true, status);

/** The client went away: not the upstream's fault, and there is no one to answer. */
export const clientGone = () => new UpstreamError(errors.CLIENT_CLOSED, errors.CLIENT_CLOSED.message, false, true);

/**
 * Writes the gateway's own error body. Upstream failures are operational, not our bugs,
 * so they skip the shared error handler's error log (one request log line is enough, even
 * while a breaker turns away every request).
 */
export function sendUpstreamError(res: Response, error: { status: number; code: string; message: string }, headers?: Record<string, string>) {
  if (res.headersSent) {
    if (!res.writableEnded) res.destroy();
    return;
  }
  if (headers) res.set(headers);
  res.status(error.status).json(errorBody(error, currentRequestId()));
}
