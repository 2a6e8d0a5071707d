import { context, propagation } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';

/**
 * Trace context without the SDK: a context manager, so the trace a request belongs to follows
 * it through awaits, and the W3C `traceparent` propagator, so it is read from and written to
 * headers. No tracer provider: spans stay the API's non-recording ones, so nothing is recorded
 * or exported, yet every log line, outbox row and Kafka message still names its trace.
 * The cost is one AsyncLocalStorage scope and two random ids per request.
 */
export function registerPropagationOnly(): void {
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
}
