import type { RequestHandler } from 'express';
import { continueTrace, replaceTraceHeaders } from '@paymesh/shared/tracing';

/**
 * The request's trace (the caller's, or a new one), then the trace headers forwarded upstream
 * rewritten to name the gateway's hop: the service continues the same trace id, and never sees
 * a malformed traceparent a client sent. With the SDK on, its http instrumentation rewrites
 * them once more for its client span, in the same trace.
 */
export function traceContext(): RequestHandler {
  const enter = continueTrace();
  return (req, res, next) =>
    enter(req, res, () => {
      replaceTraceHeaders(req.headers);
      next();
    });
}
