import { context, SpanKind, trace } from '@opentelemetry/api';
import type { IHeaders } from 'kafkajs';
import { contextFromTraceparent } from '@paymesh/shared/tracing';
import type { TransactionEvent } from '@paymesh/shared/events';
import type { Logger } from '@paymesh/shared/logger';
import type { FoldOutcome } from '../stats/stats.fold.js';

const tracer = trace.getTracer('analytics-service');

/**
 * Folds the event inside a span that continues the trace of the request that caused it (its
 * traceparent travelled in the outbox row, then the Kafka header), so one trace reaches from
 * the click to the dashboard, and logs one line with its trace_id. Without a traceparent it
 * just folds: no span, no line, no cost.
 */
export function foldInTrace(event: TransactionEvent, headers: IHeaders | undefined, fold: () => FoldOutcome, logger: Logger): FoldOutcome {
  const traceparent = headers?.traceparent?.toString();
  if (!traceparent) return fold();
  const span = tracer.startSpan(`fold ${event.event_type}`, { kind: SpanKind.CONSUMER, attributes: { 'paymesh.event_id': event.event_id } }, contextFromTraceparent(traceparent));
  try {
    const outcome = fold();
    span.setAttribute('paymesh.fold.outcome', outcome);
    // The analytics end of the request's trail: one line per traced event, carrying its trace_id.
    if (span.isRecording()) {
      context.with(trace.setSpan(context.active(), span), () =>
        logger.info({ event_id: event.event_id, event_type: event.event_type, request_id: event.request_id, outcome }, 'folded a traced event'),
      );
    }
    return outcome;
  } finally {
    span.end();
  }
}
