import { defineErrors } from './error-entry.js';

const retrySoon = { 'Retry-After': '1' } as const;

/** A part of the mesh behind the request could not serve it: not the caller's fault. */
export const meshErrors = defineErrors({
  DATABASE_UNAVAILABLE: { status: 503, message: 'The database cannot be reached right now, try again in a moment', headers: retrySoon },
  DATABASE_BUSY: { status: 503, message: 'The database could not answer in time, try again in a moment', headers: retrySoon },
  UPSTREAM_UNREACHABLE: { status: 502, message: 'The service could not be reached' },
  UPSTREAM_UNAVAILABLE: { status: 503, message: 'The service is unavailable; try again shortly', description: 'Its circuit breaker is open; Retry-After says when it will be tried again.' },
  UPSTREAM_TIMEOUT: { status: 504, message: 'The service did not answer in time' },
  // Recorded by the gateway, never sent as a body: the client gets the upstream's own answer.
  UPSTREAM_FAILED: { status: 502, message: 'The service answered with a server error', description: 'Logged only; the status is the upstream\'s own (5xx).' },
  // Recorded by the gateway when the caller hangs up; there is no one left to answer (nginx's 499).
  CLIENT_CLOSED: { status: 499, message: 'The client closed the request', description: 'Logged only.' },
  INVALID_INTERVAL: { status: 400, message: 'interval_ms must be a whole number of milliseconds' },
  TOO_MANY_STREAMS: { status: 429, message: 'Too many open live streams; close one and try again', description: 'Retry-After says when to try again.' },
});
