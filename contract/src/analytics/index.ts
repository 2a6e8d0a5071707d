export {
  globalStatsSchema,
  ownStatsSchema,
  minutePointSchema,
  timeseriesSchema,
  type GlobalStats,
  type OwnStats,
  type MinutePoint,
  type Timeseries,
} from './stats.schema.js';
export { streamIntervalSchema, statsStreamQuerySchema, statsStreamEventSchema, STATS_STREAM_EVENT, MAX_STREAM_INTERVAL_MS } from './stats-stream.schema.js';
