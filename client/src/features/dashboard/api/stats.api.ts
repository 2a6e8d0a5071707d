import { z } from 'zod';
import * as contract from '@paymesh/contract/analytics';
import { request } from '@/lib/api-client';

/**
 * The contract's shapes, narrowed to the fields the dashboard shows and loose, so analytics can
 * add fields (lag, caught_up…) and the dashboard keeps working; the paid amount and last event
 * time may be missing from an older analytics.
 */
export const globalStatsSchema = z.looseObject({
  ...contract.globalStatsSchema.pick({ total_transactions: true, total_amount: true, total_paid_transactions: true, events_processed: true, unique_users: true }).shape,
  total_paid_amount: contract.globalStatsSchema.shape.total_paid_amount.default(0),
  last_event_time: contract.globalStatsSchema.shape.last_event_time.default(null),
});
export type GlobalStats = z.infer<typeof globalStatsSchema>;

export const ownStatsSchema = contract.ownStatsSchema.omit({ user_id: true }).extend({
  total_paid_amount: contract.ownStatsSchema.shape.total_paid_amount.default(0),
});
export type OwnStats = z.infer<typeof ownStatsSchema>;

const pointSchema = contract.minutePointSchema.pick({ minute: true, transactions: true, amount: true });
export type MinutePoint = z.infer<typeof pointSchema>;
const seriesSchema = z.looseObject({ points: z.array(pointSchema) });

export const STATS_STREAM_PATH = '/analytics/stats/stream';

export async function fetchGlobalStats(signal?: AbortSignal): Promise<GlobalStats> {
  return (await request('/analytics/stats', { schema: globalStatsSchema, signal })).data;
}

export async function fetchOwnStats(signal?: AbortSignal): Promise<OwnStats> {
  return (await request('/analytics/stats/me', { auth: true, schema: ownStatsSchema, signal })).data;
}

export async function fetchPerMinute(signal?: AbortSignal): Promise<MinutePoint[]> {
  return (await request('/analytics/stats/timeseries', { schema: seriesSchema, signal })).data.points;
}

export const statsKeys = {
  global: ['stats', 'global'] as const,
  own: ['stats', 'me'] as const,
  perMinute: ['stats', 'per-minute'] as const,
};
