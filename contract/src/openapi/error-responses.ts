import { z } from 'zod';
import type { ZodOpenApiResponsesObject } from 'zod-openapi';
import { errorBodyWith, errors, type ErrorCode, type ErrorEntry } from '../errors/index.js';
import { requestIdHeader, retryAfterHeader, wwwAuthenticateHeader } from './headers.js';

/** Codes whose answers carry Retry-After although the catalogue cannot fix its value (it is computed per answer). */
const COMPUTED_RETRY_AFTER = new Set<ErrorCode>(['RATE_LIMITED', 'TOO_MANY_STREAMS', 'UPSTREAM_UNAVAILABLE']);

/** Codes logged by the gateway and never sent as a body. */
const NEVER_SENT = new Set<ErrorCode>(['UPSTREAM_FAILED', 'CLIENT_CLOSED']);

const entryOf = (code: ErrorCode): ErrorEntry => errors[code];

const describe = (code: ErrorCode) => {
  const entry = entryOf(code);
  return `- \`${code}\`: ${entry.message}.${entry.description ? ` ${entry.description}` : ''}`;
};

/**
 * The error answers of one operation, from the codes it can send: grouped by the status the
 * catalogue gives each code, each status with the body narrowed to its codes and the headers
 * those codes always carry. Listing codes, not statuses, keeps the document and the catalogue
 * from disagreeing about which status a code has.
 */
export function errorResponses(codes: ErrorCode[]): ZodOpenApiResponsesObject {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of new Set(codes)) {
    if (NEVER_SENT.has(code)) continue;
    const status = errors[code].status;
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  const responses: ZodOpenApiResponsesObject = {};
  for (const [status, group] of [...byStatus].sort(([a], [b]) => a - b)) {
    const sorted = [...group].sort() as [ErrorCode, ...ErrorCode[]];
    const retries = sorted.some((code) => COMPUTED_RETRY_AFTER.has(code) || entryOf(code).headers?.['Retry-After']);
    responses[String(status) as `4${string}`] = {
      description: sorted.map(describe).join('\n'),
      headers: z.object({
        'X-Request-Id': requestIdHeader,
        ...(retries ? { 'Retry-After': retryAfterHeader.optional() } : {}),
        ...(status === 401 ? { 'WWW-Authenticate': wwwAuthenticateHeader } : {}),
      }),
      content: { 'application/json': { schema: errorBodyWith(...sorted) } },
    };
  }
  return responses;
}
