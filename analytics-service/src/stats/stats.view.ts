import { createHash } from 'node:crypto';
import { fromCents } from '@paymesh/shared/money';
import type { ProgressView } from '../consumer/consumer.progress.js';
import type { StatsFold, UserTotals } from './stats.fold.js';

/** The first published fields first (clients rely on them), then later additions; amounts are JSON numbers with at most two decimals. */
export interface StatsBody {
  total_transactions: number;
  total_amount: number;
  total_paid_transactions: number;
  total_paid_amount: number;
  events_processed: number;
  events_rejected: number;
  events_duplicate: number;
  last_event_time: string | null;
  unique_users: number;
  consumer_lag: number;
  caught_up: boolean;
  consumer_status: string;
  /** Retention has deleted the start of the topic: the totals cover only what is left. */
  log_truncated: boolean;
}

export interface RenderedStats {
  body: StatsBody;
  /** A hash of the body, so every instance holding the same numbers gives the same ETag. */
  etag: string;
}

export function renderStats(fold: StatsFold, progress: ProgressView): RenderedStats {
  const t = fold.totals;
  const body: StatsBody = {
    total_transactions: t.transactions,
    total_amount: fromCents(t.cents),
    total_paid_transactions: t.paid,
    total_paid_amount: fromCents(t.paidCents),
    events_processed: t.processed,
    events_rejected: t.rejected,
    events_duplicate: t.duplicates,
    last_event_time: t.lastEventMs === null ? null : new Date(t.lastEventMs).toISOString(),
    unique_users: fold.uniqueUsers(),
    consumer_lag: progress.lag,
    caught_up: progress.caught_up_to_start && progress.lag === 0,
    consumer_status: progress.stalled ? 'stalled' : progress.status,
    log_truncated: progress.log_truncated,
  };
  const etag = `"${createHash('sha1').update(JSON.stringify(body)).digest('base64url')}"`;
  return { body, etag };
}

export function renderUserStats(userId: string, totals: Readonly<UserTotals> | undefined) {
  return {
    user_id: userId,
    total_transactions: totals?.transactions ?? 0,
    total_amount: fromCents(totals?.cents ?? 0),
    total_paid_transactions: totals?.paid ?? 0,
    total_paid_amount: fromCents(totals?.paidCents ?? 0),
  };
}
