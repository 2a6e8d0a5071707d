import type { PartitionRange } from '@paymesh/shared/kafka';
import { Gauge, type Registry } from '@paymesh/shared/metrics';
import type { ConsumerProgress } from '../consumer/consumer.progress.js';

export interface MeasuredProgress extends ConsumerProgress {
  /** True once the replay reached the topic's end as of start: latency observed after it is live. */
  live: () => boolean;
}

/**
 * The consumer's progress, with each partition's end offset remembered, so lag is exported per
 * partition this instance reads (the progress itself keeps only the sum), plus the catch-up
 * and stall states readiness is built on.
 */
export function measuredProgress(progress: ConsumerProgress, registry: Registry, position: (partition: number) => number | undefined): MeasuredProgress {
  const ends = new Map<number, PartitionRange>();
  let caughtUp = false;
  const remember = (ranges: Map<number, PartitionRange>) => {
    for (const [partition, range] of ranges) ends.set(partition, { low: range.low, high: Math.max(range.high, ends.get(partition)?.high ?? 0) });
  };

  new Gauge({
    name: 'analytics_consumer_lag',
    help: 'Messages on the broker not folded yet, per partition read, as of the latest end offsets seen',
    labelNames: ['partition'] as const,
    registers: [registry],
    collect() {
      for (const [partition, { low, high }] of ends) this.set({ partition: String(partition) }, Math.max(0, high - (position(partition) ?? low)));
    },
  });
  new Gauge({
    name: 'analytics_consumer_state',
    help: 'Consumer states, 1 when true: caught_up (has read what the topic held at start), stalled, broker_reachable',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      const view = progress.view();
      this.set({ state: 'caught_up' }, view.caught_up_to_start ? 1 : 0);
      this.set({ state: 'stalled' }, view.stalled ? 1 : 0);
      this.set({ state: 'broker_reachable' }, view.broker_reachable ? 1 : 0);
    },
  });

  return {
    ...progress,
    startedFrom(ranges) {
      remember(ranges);
      progress.startedFrom(ranges);
      // An empty topic is caught up before any batch.
      caughtUp ||= progress.view().caught_up_to_start;
    },
    endsSeen(ranges) {
      remember(ranges);
      progress.endsSeen(ranges);
    },
    batchDone(partition, highWatermark) {
      const known = ends.get(partition);
      ends.set(partition, { low: known?.low ?? 0, high: Math.max(highWatermark, known?.high ?? 0) });
      progress.batchDone(partition, highWatermark);
      // Checked once per batch until it latches: cheap against the per-message path.
      caughtUp ||= progress.view().caught_up_to_start;
    },
    live: () => caughtUp,
  };
}
