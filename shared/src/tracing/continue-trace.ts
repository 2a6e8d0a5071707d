import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { context, isSpanContextValid, propagation, ROOT_CONTEXT, trace, TraceFlags, type Context } from '@opentelemetry/api';
import type { RequestHandler } from 'express';

// Random ids from node:crypto rather than the SDK's generator, whose import would add to every
// service's start. randomUUID draws from a cached entropy pool (about 1 µs here, where
// randomBytes asked the kernel each time: 18 µs); a v4 UUID's hex has 122 random bits, and its
// second half 62, more than trace and span ids need to be told apart.
const newTraceId = () => randomUUID().replaceAll('-', '');
const newSpanId = () => newTraceId().slice(16);

/**
 * This hop's place in a trace, when no SDK opened a span for the request: the caller's trace id
 * (from a valid `traceparent`) or a new one, and a span id of its own, so the next hop names
 * this one as its parent. A malformed traceparent is ignored, never refused: a trace is the
 * operator's tool, not a reason to fail someone's request. A new trace is not sampled: with no
 * SDK nothing is recorded, so "sampled" stays what it says in W3C terms, that the caller asked
 * for this request to be followed (it then gets the log lines that are too costly for all).
 */
export function requestTraceContext(headers: IncomingHttpHeaders): Context {
  const caller = trace.getSpanContext(propagation.extract(ROOT_CONTEXT, headers));
  const spanContext =
    caller && isSpanContextValid(caller)
      ? { traceId: caller.traceId, spanId: newSpanId(), traceFlags: caller.traceFlags, ...(caller.traceState ? { traceState: caller.traceState } : {}) }
      : { traceId: newTraceId(), spanId: newSpanId(), traceFlags: TraceFlags.NONE };
  return trace.setSpanContext(ROOT_CONTEXT, spanContext);
}

/**
 * Runs the rest of the request in its trace. With the SDK on, its http instrumentation has
 * already opened the request's span from the same header, so there is nothing to add and both
 * modes give the request the same trace id.
 */
export function continueTrace(): RequestHandler {
  return (req, _res, next) => {
    if (trace.getActiveSpan()) return next();
    context.with(requestTraceContext(req.headers), next);
  };
}
