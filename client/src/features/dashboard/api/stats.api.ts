import { z } from 'zod';
import { request } from '@/lib/api-client';

// Loose objects: analytics may add fields (lag, caught_up…) and the dashboard must not break.
export const globalStatsSchema = z.looseObject({
  total_transactions: z.number(),
  total_amount: z.number(),
  total_paid_transactions: z.number(),
  total_paid_amount: z.number().default(0),
  events_processed: z.number(),
  last_event_time: z.string().nullable().default(null),
  unique_users: z.number(),
});
export type GlobalStats = z.infer<typeof globalStatsSchema>;

export const ownStatsSchema = z.looseObject({
  total_transactions: z.number(),
  total_amount: z.number(),
  total_paid_transactions: z.number(),
  total_paid_amount: z.number().default(0),
});
export type OwnStats = z.infer<typeof ownStatsSchema>;

const pointSchema = z.object({ minute: z.string(), transactions: z.number(), amount: z.number() });
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
