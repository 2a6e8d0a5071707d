import { z } from 'zod';
import type { ZodOpenApiOperationObject, ZodOpenApiPathsObject } from 'zod-openapi';
import { globalStatsSchema, ownStatsSchema, STATS_STREAM_EVENT, statsStreamQuerySchema, timeseriesSchema } from '../../analytics/index.js';
import { BEARER, EDGE, UPSTREAM } from '../code-groups.js';
import { errorResponses } from '../error-responses.js';
import { cacheControlHeader, etagHeader, ifNoneMatchParams, requestIdHeader } from '../headers.js';
import { bearer, jsonAnswer } from '../responses.js';

const tags = ['analytics'];

const stats = (operationId: string, summary: string): ZodOpenApiOperationObject => ({
  operationId,
  tags,
  summary,
  description: 'Pollers revalidate with If-None-Match: an unchanged body costs a 304 with no payload.',
  requestParams: { header: ifNoneMatchParams },
  responses: {
    '200': jsonAnswer('The stats', globalStatsSchema, { ETag: etagHeader, 'Cache-Control': cacheControlHeader }),
    '304': { description: 'Unchanged since the ETag sent in If-None-Match', headers: z.object({ ETag: etagHeader, 'X-Request-Id': requestIdHeader }) },
    ...errorResponses([...EDGE, ...UPSTREAM]),
  },
});

export const analyticsPaths: ZodOpenApiPathsObject = {
  '/stats': { get: stats('getStats', 'The whole mesh\'s stats, folded from the events') },
  '/analytics/stats': { get: stats('getAnalyticsStats', 'The same as `/stats`') },
  '/analytics/stats/me': {
    get: {
      operationId: 'getOwnStats',
      tags,
      summary: 'The caller\'s own totals',
      security: bearer,
      responses: {
        '200': jsonAnswer('Zeros for a user with no events yet', ownStatsSchema),
        ...errorResponses([...EDGE, ...BEARER, ...UPSTREAM]),
      },
    },
  },
  '/analytics/stats/timeseries': {
    get: {
      operationId: 'getTimeseries',
      tags,
      summary: 'Transactions and amount per minute, last 60 minutes',
      responses: {
        '200': jsonAnswer('Oldest minute first, empty minutes as zeros', timeseriesSchema),
        ...errorResponses([...EDGE, ...UPSTREAM]),
      },
    },
  },
  '/analytics/stats/stream': {
    get: {
      operationId: 'streamStats',
      tags,
      summary: 'The stats, pushed live (Server-Sent Events)',
      description: `An endless \`text/event-stream\`: an \`event: ${STATS_STREAM_EVENT}\` whose data is the JSON of \`GET /stats\`, on connect and on each change, coalesced to at most one per interval. Open streams are capped per client and per gateway (429 \`TOO_MANY_STREAMS\`).`,
      requestParams: { query: statsStreamQuerySchema },
      responses: {
        '200': {
          description: 'The stream; it stays open until the client leaves',
          headers: z.object({ 'X-Request-Id': requestIdHeader, 'Cache-Control': cacheControlHeader }),
          content: { 'text/event-stream': { schema: z.string().meta({ description: `Lines of \`event: ${STATS_STREAM_EVENT}\` and \`data: <GlobalStats JSON>\`` }) } },
        },
        ...errorResponses([...EDGE, 'INVALID_INTERVAL', 'TOO_MANY_STREAMS']),
      },
    },
  },
};
