import { context, propagation, trace, type Context } from '@opentelemetry/api';

/**
 * The W3C `traceparent` of the span active now, to carry the trace across a hop the
 * instrumentations cannot see (an outbox row, then a Kafka message). Undefined when nothing
 * is traced.
 */
export function currentTraceparent(): string | undefined {
  if (!trace.getActiveSpan()?.isRecording()) return undefined;
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier.traceparent;
}

/** The trace a `traceparent` names, as a parent context for the spans that continue it. */
export function contextFromTraceparent(traceparent: string): Context {
  return propagation.extract(context.active(), { traceparent });
}

/** The id of the active trace, for log lines; undefined when nothing is traced. */
export function currentTraceId(): string | undefined {
  const span = trace.getActiveSpan();
  return span?.isRecording() ? span.spanContext().traceId : undefined;
}
