import type { PartitionRange, StreamStatus } from '@paymesh/shared/kafka';

export interface ProgressView {
  status: StreamStatus;
  /** Has read up to the end offsets the topic had when this instance started (latched). */
  caught_up_to_start: boolean;
  /** Messages on the broker not folded yet, as of the latest end offsets seen. */
  lag: number;
  /** Lag above zero with no batch for longer than the stall timeout: the consumer is wedged. */
  stalled: boolean;
  /** The broker answered recently (a batch or an end-offset refresh). */
  broker_reachable: boolean;
  /** The topic no longer starts at offset 0: retention deleted events, so totals undercount. */
  log_truncated: boolean;
  last_error?: string;
}

export interface ConsumerProgress {
  startedFrom: (ranges: Map<number, PartitionRange>) => void;
  endsSeen: (ranges: Map<number, PartitionRange>) => void;
  batchDone: (partition: number, highWatermark: number) => void;
  statusChanged: (status: StreamStatus, error?: Error) => void;
  view: () => ProgressView;
}

export interface ConsumerProgressOptions {
  /** The next offset already folded in a partition, from the fold. */
  position: (partition: number) => number | undefined;
  stallTimeoutMs: number;
  brokerSilenceMs: number;
  now?: () => number;
}

/** Where the consumer stands against the broker's end offsets: readiness, lag and liveness. */
export function createConsumerProgress(o: ConsumerProgressOptions): ConsumerProgress {
  const now = o.now ?? Date.now;
  let targets: Map<number, PartitionRange> | undefined;
  const lows = new Map<number, number>();
  const highs = new Map<number, number>();
  let status: StreamStatus = 'starting';
  let lastError: string | undefined;
  let caughtUp = false;
  let lastProgress = now();
  let lastContact = 0;

  const folded = (partition: number) => o.position(partition) ?? lows.get(partition) ?? 0;

  function lag(): number {
    let total = 0;
    for (const [partition, high] of highs) total += Math.max(0, high - folded(partition));
    return total;
  }

  function reachedStart(): boolean {
    if (caughtUp || !targets) return caughtUp;
    for (const [partition, { high }] of targets) if (folded(partition) < high) return false;
    return (caughtUp = true);
  }

  function recordEnds(ranges: Map<number, PartitionRange>) {
    for (const [partition, { low, high }] of ranges) {
      lows.set(partition, low);
      highs.set(partition, Math.max(high, highs.get(partition) ?? 0));
    }
    lastContact = now();
    // An idle consumer makes no batches; with nothing to read it is not stalled.
    if (lag() === 0) lastProgress = now();
  }

  return {
    startedFrom(ranges) {
      targets = ranges;
      recordEnds(ranges);
    },
    endsSeen: recordEnds,
    batchDone(partition, highWatermark) {
      highs.set(partition, Math.max(highWatermark, highs.get(partition) ?? 0));
      lastProgress = lastContact = now();
    },
    statusChanged(next, error) {
      status = next;
      if (error) lastError = error.message;
      if (next === 'running') lastProgress = now();
    },
    view() {
      const currentLag = lag();
      return {
        status,
        caught_up_to_start: reachedStart(),
        lag: currentLag,
        stalled: currentLag > 0 && now() - lastProgress > o.stallTimeoutMs,
        broker_reachable: now() - lastContact <= o.brokerSilenceMs,
        log_truncated: [...lows.values()].some((low) => low > 0),
        ...(lastError && status !== 'running' ? { last_error: lastError } : {}),
      };
    },
  };
}
