import { z } from 'zod';

const count = z.number().int().nonnegative();
const amount = z.number().meta({ description: 'A JSON number with at most 2 decimals' });

/**
 * `GET /stats`: the whole mesh's numbers, folded from the events. The first seven fields are
 * the original ones; the rest say how far the numbers can be trusted. Loose, so a field added
 * later does not break a reader.
 */
export const globalStatsSchema = z
  .looseObject({
    total_transactions: count,
    total_amount: amount,
    total_paid_transactions: count,
    total_paid_amount: amount,
    events_processed: count,
    events_rejected: count,
    events_duplicate: count,
    last_event_time: z.iso.datetime().nullable(),
    unique_users: count,
    consumer_lag: count.meta({ description: 'Events on the topic not yet folded' }),
    caught_up: z.boolean().meta({ description: 'True once the consumer has read everything it found at start and has no lag' }),
    consumer_status: z.string(),
    log_truncated: z.boolean().meta({ description: 'Retention deleted the start of the topic: totals cover only what is left' }),
  })
  .meta({
    id: 'GlobalStats',
    example: {
      total_transactions: 3, total_amount: 42.5, total_paid_transactions: 1, total_paid_amount: 12.5, events_processed: 4,
      events_rejected: 0, events_duplicate: 0, last_event_time: '2026-12-01T10:00:00.000Z', unique_users: 2, consumer_lag: 0,
      caught_up: true, consumer_status: 'running', log_truncated: false,
    },
  });

/** `GET /analytics/stats/me`: the caller's own totals (zeros for a user with no events yet). */
export const ownStatsSchema = z
  .looseObject({ user_id: z.string(), total_transactions: count, total_amount: amount, total_paid_transactions: count, total_paid_amount: amount })
  .meta({ id: 'OwnStats' });

export const minutePointSchema = z
  .object({ minute: z.iso.datetime(), transactions: count, amount, paid_transactions: count, paid_amount: amount })
  .meta({ id: 'MinutePoint' });

/** `GET /analytics/stats/timeseries`: the last `minutes` minutes, oldest first, empty minutes as zeros. */
export const timeseriesSchema = z
  .looseObject({ minutes: count, points: z.array(minutePointSchema) })
  .meta({ id: 'Timeseries' });

export type GlobalStats = z.infer<typeof globalStatsSchema>;
export type OwnStats = z.infer<typeof ownStatsSchema>;
export type MinutePoint = z.infer<typeof minutePointSchema>;
export type Timeseries = z.infer<typeof timeseriesSchema>;
