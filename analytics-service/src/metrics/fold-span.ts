import { context, SpanKind, trace, TraceFlags } from '@opentelemetry/api';
import type { IHeaders } from 'kafkajs';
import { contextFromTraceparent } from '@paymesh/shared/tracing';
import type { TransactionEvent } from '@paymesh/shared/events';
import type { Logger } from '@paymesh/shared/logger';
import type { FoldOutcome } from '../stats/stats.fold.js';

const tracer = trace.getTracer('analytics-service');

/**
 * Folds the event inside a span that continues the trace of the request that caused it (its
 * traceparent travelled in the outbox row, then the Kafka header), so one trace reaches from
 * the click to the dashboard. With no SDK the span records nothing but still names the trace.
 *
 * Its log line, with the trace_id, is at info only for a sampled trace: one the SDK's sampler
 * chose, or, with no SDK, one whose caller sent a sampled traceparent (a new trace is never
 * sampled then). A line for every event would be most of this service's output and a visible
 * share of its CPU at a high event rate; a request someone wants to follow gets its line, and
 * LOG_LEVEL=debug shows the rest. Without a traceparent it just folds.
 */
export function foldInTrace(event: TransactionEvent, headers: IHeaders | undefined, fold: () => FoldOutcome, logger: Logger): FoldOutcome {
  const traceparent = headers?.traceparent?.toString();
  if (!traceparent) return fold();
  const span = tracer.startSpan(`fold ${event.event_type}`, { kind: SpanKind.CONSUMER, attributes: { 'paymesh.event_id': event.event_id } }, contextFromTraceparent(traceparent));
  try {
    const outcome = fold();
    span.setAttribute('paymesh.fold.outcome', outcome);
    const level = (span.spanContext().traceFlags & TraceFlags.SAMPLED) !== 0 ? 'info' : 'debug';
    if (logger.isLevelEnabled(level)) {
      context.with(trace.setSpan(context.active(), span), () =>
        logger[level]({ event_id: event.event_id, event_type: event.event_type, request_id: event.request_id, outcome }, 'folded a traced event'),
      );
    }
    return outcome;
  } finally {
    span.end();
  }
}
