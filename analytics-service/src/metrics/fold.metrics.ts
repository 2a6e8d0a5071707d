import type { IHeaders } from 'kafkajs';
import type { TransactionEvent } from '@paymesh/shared/events';
import type { Logger } from '@paymesh/shared/logger';
import { Counter, Histogram, type Registry } from '@paymesh/shared/metrics';
import type { FoldOutcome } from '../stats/stats.fold.js';
import { foldInTrace } from './fold-span.js';

export interface FoldMetrics {
  /** Runs `fold` for `event`, counted, timed from occurred_at and, once live, traced. */
  observeFold: (event: TransactionEvent, headers: IHeaders | undefined, fold: () => FoldOutcome) => void;
  rejected: (reason: string) => void;
}

/**
 * A rejection reason without its details ("schema violation: amount: ..." becomes "schema
 * violation"), so the label has a handful of values whatever producers send.
 */
export const reasonClass = (reason: string) => reason.split(':')[0]!.trim();

/**
 * What the fold did with each message. The time from `occurred_at` to the fold is observed only
 * once the replay has caught up: during the replay it would measure the topic's age instead.
 */
export function createFoldMetrics(registry: Registry, live: () => boolean, logger: Logger): FoldMetrics {
  const registers = [registry];
  const events = new Counter({
    name: 'analytics_events_total',
    help: 'Messages by what the fold did: applied, duplicate (an event id already counted) or replayed (an offset already folded)',
    labelNames: ['outcome'] as const,
    registers,
  });
  const rejected = new Counter({ name: 'analytics_events_rejected_total', help: 'Messages refused, by reason', labelNames: ['reason'] as const, registers });
  const deadLettered = new Counter({ name: 'analytics_events_dead_lettered_total', help: 'Refused messages copied to the dead-letter topic', registers });
  const delay = new Histogram({
    name: 'analytics_event_fold_delay_seconds',
    help: "Time from an event's occurred_at to its fold, once caught up",
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers,
  });
  return {
    observeFold(event, headers, fold) {
      // A replay re-reads history: tracing it would send a span per old event at every start.
      const outcome = live() ? foldInTrace(event, headers, fold, logger) : fold();
      events.inc({ outcome });
      if (outcome === 'applied' && live()) delay.observe(Math.max(0, Date.now() - Date.parse(event.occurred_at)) / 1000);
    },
    rejected(reason) {
      rejected.inc({ reason: reasonClass(reason) });
      deadLettered.inc();
    },
  };
}
