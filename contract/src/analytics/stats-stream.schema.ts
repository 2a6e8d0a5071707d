import { z } from 'zod';
import { errors } from '../errors/catalogue.js';
import { fieldCode } from '../validation/field-code.js';
import { globalStatsSchema } from './stats.schema.js';

export const MAX_STREAM_INTERVAL_MS = 60_000;

/**
 * A stream's `interval_ms`: a client may ask for faster (a latency probe) or slower (a phone)
 * updates. Only digits count: an empty value, a sign, a decimal or a repeated parameter is
 * refused, never read as 0. Below the server's floor it is raised to the floor.
 */
export const streamIntervalSchema = z
  .string({ error: 'must be given once, as a whole number of milliseconds' })
  .regex(/^\d{1,5}$/, `must be a whole number of milliseconds, 0 to ${MAX_STREAM_INTERVAL_MS}`)
  .refine((text) => Number(text) <= MAX_STREAM_INTERVAL_MS, `must be at most ${MAX_STREAM_INTERVAL_MS}`)
  .optional();

/** `GET /analytics/stats/stream?interval_ms=` at the gateway, which answers a bad interval with its own code. */
export const statsStreamQuerySchema = z
  .object({
    interval_ms: streamIntervalSchema.meta({ ...fieldCode(errors.INVALID_INTERVAL), description: 'Least time between two updates', example: '1000' }),
  })
  .meta({ id: 'StatsStreamQuery' });

/** The Server-Sent Events name each update is sent under; its data is the stats as `GET /stats` has them. */
export const STATS_STREAM_EVENT = 'stats';

export const statsStreamEventSchema = globalStatsSchema.meta({
  id: 'StatsStreamEvent',
  description: `The data of each \`event: ${STATS_STREAM_EVENT}\`: the stats, pushed on change (coalesced)`,
});
