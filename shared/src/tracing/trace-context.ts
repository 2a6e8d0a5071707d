import { context, isSpanContextValid, propagation, trace, type Context } from '@opentelemetry/api';

/**
 * The W3C `traceparent` of the span active now, to carry the trace across a hop the
 * instrumentations cannot see (an outbox row, then a Kafka message). Undefined outside any
 * trace, or when tracing was never started in this process.
 */
export function currentTraceparent(): string | undefined {
  if (!currentTraceId()) return undefined;
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier.traceparent;
}

/** The trace a `traceparent` names, as a parent context for the spans that continue it. */
export function contextFromTraceparent(traceparent: string): Context {
  return propagation.extract(context.active(), { traceparent });
}

/**
 * The id of the active trace, for log lines: recorded by the SDK or only propagated, sampled
 * or not, a request's lines name its trace.
 */
export function currentTraceId(): string | undefined {
  const spanContext = trace.getSpanContext(context.active());
  return spanContext && isSpanContextValid(spanContext) ? spanContext.traceId : undefined;
}

/**
 * Replaces the trace headers of a request about to be forwarded with the active trace's, so the
 * next hop continues this one (and a malformed or foreign value is not passed on).
 */
export function replaceTraceHeaders(headers: Record<string, unknown>): void {
  delete headers.traceparent;
  delete headers.tracestate;
  propagation.inject(context.active(), headers);
}

/** The trace id a `traceparent` names (a Kafka message's header), or undefined when it names none. */
export function traceIdIn(traceparent: string | undefined): string | undefined {
  if (!traceparent) return undefined;
  const spanContext = trace.getSpanContext(contextFromTraceparent(traceparent));
  return spanContext && isSpanContextValid(spanContext) ? spanContext.traceId : undefined;
}
