import { TRANSACTION_CREATED, type TransactionEvent } from '@paymesh/shared/events';
import { DedupeWindow } from './dedupe-window.js';
import type { FoldImage } from './stats.fold-image.js';
import { MinuteSeries } from './minute-series.js';

/** Counts and integer cents: sums stay exact however many events are added. */
export interface UserTotals {
  transactions: number;
  cents: number;
  paid: number;
  paidCents: number;
}

/** A user's totals plus the highest `user_seq` folded for them (0: none yet): one number per user. */
interface UserState extends UserTotals {
  seq: number;
}

export interface Totals extends UserTotals {
  processed: number;
  rejected: number;
  duplicates: number;
  /** Latest event time seen (epoch ms), or null before the first event. */
  lastEventMs: number | null;
}

/**
 * What a message did to the state: `applied`; `duplicate`, a redelivered copy at a new offset
 * (its user_seq at or below the user's highest, or, for an event without one, an event id still
 * in the partition's window); `replayed`, an offset already folded (a re-read).
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
  /** The whole state as plain data, taken in one synchronous step, so it matches its positions. */
  capture: () => FoldImage;
  /** Replaces the state of a fold that has folded nothing yet with a captured one. */
  restore: (image: FoldImage) => void;
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
  const users = new Map<string, UserState>();
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

  function userState(userId: string): UserState {
    let found = users.get(userId);
    if (!found) {
      found = { transactions: 0, cents: 0, paid: 0, paidCents: 0, seq: 0 };
      users.set(userId, found);
    }
    return found;
  }

  /**
   * A sequenced event is new only above its user's highest sequence: the producer numbers a
   * user's events in commit order and every copy carries the same number, so this holds however
   * far back a copy comes from. Events without one (written before the sequence existed) fall
   * back to the partition's window of recent event ids; their copies lack it too.
   */
  function isNew(event: TransactionEvent, user: UserState, partition: number): boolean {
    if (event.user_seq === undefined) return (windows[partition] ??= new DedupeWindow(dedupeWindow)).rememberIfNew(event.event_id);
    if (event.user_seq <= user.seq) return false;
    user.seq = event.user_seq;
    return true;
  }

  function apply(event: TransactionEvent, user: UserState): void {
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
    user(userId) {
      const found = users.get(userId);
      return found && { transactions: found.transactions, cents: found.cents, paid: found.paid, paidCents: found.paidCents };
    },
    uniqueUsers: () => users.size,
    position: (partition) => positions[partition],
    foldEvent(event, partition, offset) {
      if (!advance(partition, offset)) return 'replayed';
      revision += 1;
      const user = userState(event.user_id);
      if (!isNew(event, user, partition)) {
        totals.duplicates += 1;
        return 'duplicate';
      }
      apply(event, user);
      return 'applied';
    },
    recordRejection(partition, offset) {
      if (!advance(partition, offset)) return false;
      revision += 1;
      totals.rejected += 1;
      return true;
    },
    capture: () => ({
      totals: { ...totals },
      positions: Array.from(positions, (p) => p ?? null),
      users: [...users].map(([id, u]) => [id, u.transactions, u.cents, u.paid, u.paidCents, u.seq]),
      windows: Array.from(windows, (w) => w?.entries() ?? null),
      series: series.entries(),
    }),
    restore(image) {
      if (positions.length > 0 || users.size > 0) throw new Error('a fold can only be restored before it folds anything');
      Object.assign(totals, image.totals);
      image.positions.forEach((p, partition) => {
        if (p !== null) positions[partition] = p;
      });
      for (const [id, transactions, cents, paid, paidCents, seq] of image.users) users.set(id, { transactions, cents, paid, paidCents, seq });
      image.windows.forEach((ids, partition) => {
        if (ids) windows[partition] = DedupeWindow.of(dedupeWindow, ids);
      });
      series.restore(image.series);
      revision += 1;
    },
  };
}
