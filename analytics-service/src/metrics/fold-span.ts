import { SpanKind, trace } from '@opentelemetry/api';
import type { IHeaders } from 'kafkajs';
import { contextFromTraceparent } from '@paymesh/shared/tracing';
import type { TransactionEvent } from '@paymesh/shared/events';
import type { FoldOutcome } from '../stats/stats.fold.js';

const tracer = trace.getTracer('analytics-service');

/**
 * Folds the event inside a span that continues the trace of the request that caused it (its
 * traceparent travelled in the outbox row, then the Kafka header), so one trace reaches from
 * the click to the dashboard. Without a traceparent it just folds: no span, no cost.
 */
export function foldInTrace(event: TransactionEvent, headers: IHeaders | undefined, fold: () => FoldOutcome): FoldOutcome {
  const traceparent = headers?.traceparent?.toString();
  if (!traceparent) return fold();
  const span = tracer.startSpan(`fold ${event.event_type}`, { kind: SpanKind.CONSUMER, attributes: { 'paymesh.event_id': event.event_id } }, contextFromTraceparent(traceparent));
  try {
    const outcome = fold();
    span.setAttribute('paymesh.fold.outcome', outcome);
    return outcome;
  } finally {
    span.end();
  }
}
