import { z } from 'zod';
import type { ZodOpenApiOperationObject, ZodOpenApiPathsObject } from 'zod-openapi';
import { meshHealthSchema, opsSummarySchema } from '../../gateway/index.js';
import { EDGE } from '../code-groups.js';
import { errorResponses } from '../error-responses.js';
import { cacheControlHeader, etagHeader, ifNoneMatchParams, requestIdHeader } from '../headers.js';
import { jsonAnswer } from '../responses.js';

const tags = ['mesh'];

const gatewayReadySchema = z
  .looseObject({ status: z.literal('ready'), service: z.literal('gateway'), uptime_s: z.number().int().nonnegative() })
  .meta({ id: 'GatewayReady' });

const publishedDocument = (operationId: string, summary: string, schema: z.ZodType): ZodOpenApiOperationObject => ({
  operationId,
  tags: ['documents'],
  summary,
  requestParams: { header: ifNoneMatchParams },
  responses: {
    '200': jsonAnswer('The document, cached 5 minutes', schema, { ETag: etagHeader, 'Cache-Control': cacheControlHeader }),
    '304': { description: 'Unchanged since the ETag sent in If-None-Match', headers: z.object({ ETag: etagHeader, 'X-Request-Id': requestIdHeader }) },
    ...errorResponses(EDGE),
  },
});

export const gatewayPaths: ZodOpenApiPathsObject = {
  '/health': {
    get: {
      operationId: 'getHealth',
      tags,
      summary: 'The mesh as the gateway sees it',
      description: 'Each service\'s readiness, how long asking took, and its circuit breaker; one round of probes answers every caller for a moment.',
      responses: {
        '200': jsonAnswer('Every service is ready', meshHealthSchema),
        '503': jsonAnswer('At least one service is not ready', meshHealthSchema),
        ...errorResponses(EDGE),
      },
    },
  },
  '/ready': {
    get: {
      operationId: 'getReady',
      tags,
      summary: 'The gateway itself can serve, whatever its upstreams are doing',
      responses: { '200': jsonAnswer('Ready', gatewayReadySchema), ...errorResponses(EDGE.filter((code) => code !== 'RATE_LIMITED')) },
    },
  },
  '/ops': {
    get: {
      operationId: 'getOps',
      tags,
      summary: 'The operations summary: readiness, breakers, outbox backlog, consumer lag',
      description: 'Always 200 (a degraded mesh is the answer, not a failure); cached 2 s; counts and states only.',
      responses: { '200': jsonAnswer('The summary', opsSummarySchema, { 'Cache-Control': cacheControlHeader }), ...errorResponses(EDGE) },
    },
  },
  '/openapi.json': { get: publishedDocument('getOpenApi', 'This document', z.looseObject({ openapi: z.string() })) },
  '/asyncapi.json': { get: publishedDocument('getAsyncApi', 'The AsyncAPI 3.0 document of the Kafka topics', z.looseObject({ asyncapi: z.string() })) },
  '/docs': {
    get: {
      operationId: 'getDocs',
      tags: ['documents'],
      summary: 'This document as a readable, interactive page',
      responses: {
        '200': {
          description: 'An HTML page that loads its viewer from the same origin',
          headers: z.object({ 'X-Request-Id': requestIdHeader, 'Cache-Control': cacheControlHeader }),
          content: { 'text/html': { schema: z.string() } },
        },
        ...errorResponses(EDGE),
      },
    },
  },
};
