import { TRANSACTION_CREATED, type TransactionEvent } from '@paymesh/shared/events';
import { DedupeWindow } from './dedupe-window.js';
import { MinuteSeries } from './minute-series.js';

/** Counts and integer cents: sums stay exact however many events are added. */
export interface UserTotals {
  transactions: number;
  cents: number;
  paid: number;
  paidCents: number;
}

export interface Totals extends UserTotals {
  processed: number;
  rejected: number;
  duplicates: number;
  /** Latest event time seen (epoch ms), or null before the first event. */
  lastEventMs: number | null;
}

/**
 * What a message did to the state: `applied`; `duplicate`, an event id already counted
 * (a redelivered copy at a new offset); `replayed`, an offset already folded (a re-read).
 */
export type FoldOutcome = 'applied' | 'duplicate' | 'replayed';

export interface StatsFold {
  readonly totals: Readonly<Totals>;
  readonly series: MinuteSeries;
  /** Bumped on every change a reader could see. */
  readonly revision: number;
  user: (userId: string) => Readonly<UserTotals> | undefined;
  uniqueUsers: () => number;
  /** The next offset to fold in `partition`, or undefined before its first message. */
  position: (partition: number) => number | undefined;
  foldEvent: (event: TransactionEvent, partition: number, offset: number) => FoldOutcome;
  /** Counts a refused message once, however often its offset is re-read. */
  recordRejection: (partition: number, offset: number) => boolean;
}

export interface StatsFoldOptions {
  /** Event ids remembered per partition for dropping redelivered copies. */
  dedupeWindow: number;
  now?: () => number;
}

// Amounts were validated as having at most two decimals, so rounding the product is exact.
const cents = (amount: number) => Math.round(amount * 100);

/**
 * The analytics state as a pure fold over the topic, partition by partition. Each partition is
 * folded in offset order and totals are sums and maxima, so every instance that has read the
 * same offsets holds the same state, whatever the interleaving of partitions.
 */
export function createStatsFold({ dedupeWindow, now }: StatsFoldOptions): StatsFold {
  const totals: Totals = { transactions: 0, cents: 0, paid: 0, paidCents: 0, processed: 0, rejected: 0, duplicates: 0, lastEventMs: null };
  const users = new Map<string, UserTotals>();
  const positions: (number | undefined)[] = [];
  const windows: DedupeWindow[] = [];
  const series = new MinuteSeries(now);
  let revision = 0;

  /** Claims `offset` in `partition`; false when it was folded before. */
  function advance(partition: number, offset: number): boolean {
    const next = positions[partition];
    if (next !== undefined && offset < next) return false;
    positions[partition] = offset + 1;
    return true;
  }

  function userTotals(userId: string): UserTotals {
    let found = users.get(userId);
    if (!found) {
      found = { transactions: 0, cents: 0, paid: 0, paidCents: 0 };
      users.set(userId, found);
    }
    return found;
  }

  function apply(event: TransactionEvent): void {
    const user = userTotals(event.user_id);
    const eventMs = Date.parse(event.timestamp);
    if (event.event_type === TRANSACTION_CREATED) {
      const amount = cents(event.amount);
      totals.transactions += 1;
      totals.cents += amount;
      user.transactions += 1;
      user.cents += amount;
      series.add(eventMs, 'created', 1, amount);
    } else {
      const amount = cents(event.amount_paid);
      totals.paid += event.transactions_paid;
      totals.paidCents += amount;
      user.paid += event.transactions_paid;
      user.paidCents += amount;
      series.add(eventMs, 'paid', event.transactions_paid, amount);
    }
    totals.processed += 1;
    if (totals.lastEventMs === null || eventMs > totals.lastEventMs) totals.lastEventMs = eventMs;
  }

  return {
    totals,
    series,
    get revision() {
      return revision;
    },
    user: (userId) => users.get(userId),
    uniqueUsers: () => users.size,
    position: (partition) => positions[partition],
    foldEvent(event, partition, offset) {
      if (!advance(partition, offset)) return 'replayed';
      revision += 1;
      const window = (windows[partition] ??= new DedupeWindow(dedupeWindow));
      if (!window.rememberIfNew(event.event_id)) {
        totals.duplicates += 1;
        return 'duplicate';
      }
      apply(event);
      return 'applied';
    },
    recordRejection(partition, offset) {
      if (!advance(partition, offset)) return false;
      revision += 1;
      totals.rejected += 1;
      return true;
    },
  };
}
