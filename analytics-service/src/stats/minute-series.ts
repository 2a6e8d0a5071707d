export const SERIES_MINUTES = 60;
const MINUTE_MS = 60_000;

interface Bucket {
  transactions: number;
  cents: number;
  paid: number;
  paidCents: number;
}

export interface MinutePoint {
  minute: string;
  transactions: number;
  amount: number;
  paid_transactions: number;
  paid_amount: number;
}

/**
 * Per-minute totals by event time for the last hour. Older minutes are dropped as time moves,
 * so memory stays at about two hours of buckets whatever the size of the topic.
 */
export class MinuteSeries {
  private readonly buckets = new Map<number, Bucket>();

  constructor(private readonly now: () => number = Date.now) {}

  add(eventMs: number, kind: 'created' | 'paid', count: number, cents: number): void {
    const minute = Math.floor(eventMs / MINUTE_MS);
    const oldest = Math.floor(this.now() / MINUTE_MS) - SERIES_MINUTES + 1;
    // A replay of the whole topic passes through old minutes: skip them before allocating.
    if (minute < oldest) return;
    let bucket = this.buckets.get(minute);
    if (!bucket) {
      if (this.buckets.size >= 2 * SERIES_MINUTES) this.prune(oldest);
      bucket = { transactions: 0, cents: 0, paid: 0, paidCents: 0 };
      this.buckets.set(minute, bucket);
    }
    if (kind === 'created') {
      bucket.transactions += count;
      bucket.cents += cents;
    } else {
      bucket.paid += count;
      bucket.paidCents += cents;
    }
  }

  /** The last 60 minutes, oldest first, the current minute last, with empty minutes as zeros. */
  points(): MinutePoint[] {
    const current = Math.floor(this.now() / MINUTE_MS);
    const points: MinutePoint[] = [];
    for (let minute = current - SERIES_MINUTES + 1; minute <= current; minute++) {
      const b = this.buckets.get(minute);
      points.push({
        minute: new Date(minute * MINUTE_MS).toISOString(),
        transactions: b?.transactions ?? 0,
        amount: (b?.cents ?? 0) / 100,
        paid_transactions: b?.paid ?? 0,
        paid_amount: (b?.paidCents ?? 0) / 100,
      });
    }
    return points;
  }

  /** [minute, transactions, cents, paid, paid cents] per bucket held: what a snapshot stores. */
  entries(): [number, number, number, number, number][] {
    return [...this.buckets].map(([minute, b]) => [minute, b.transactions, b.cents, b.paid, b.paidCents]);
  }

  restore(entries: readonly (readonly [number, number, number, number, number])[]): void {
    this.buckets.clear();
    for (const [minute, transactions, cents, paid, paidCents] of entries) this.buckets.set(minute, { transactions, cents, paid, paidCents });
  }

  private prune(oldest: number): void {
    for (const minute of this.buckets.keys()) if (minute < oldest) this.buckets.delete(minute);
  }
}
