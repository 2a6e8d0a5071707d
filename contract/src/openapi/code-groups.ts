import type { ErrorCode } from '../errors/index.js';

/**
 * The errors that can answer a request before its own route sees it, grouped by which edge rule
 * sends them, so each operation lists the groups it passes through plus its own codes.
 */
export const EDGE: ErrorCode[] = ['NON_CANONICAL_PATH', 'MALFORMED_REQUEST', 'HEADERS_TOO_LARGE', 'UNSUPPORTED_CONTENT_ENCODING', 'RATE_LIMITED'];

/** A request with a JSON body: read, measured and parsed at the edge or by the service. */
export const JSON_BODY: ErrorCode[] = [
  'INVALID_JSON',
  'JSON_TOO_DEEP',
  'REQUEST_ABORTED',
  'INVALID_CONTENT_LENGTH',
  'BAD_REQUEST',
  'REQUEST_TIMEOUT',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'UNSUPPORTED_CHARSET',
];

/** A route that needs a bearer token; the keys to check it may be briefly unreachable. */
export const BEARER: ErrorCode[] = ['UNAUTHORIZED', 'INVALID_TOKEN', 'TOKEN_EXPIRED', 'AUTH_KEYS_UNAVAILABLE'];

/** A route the gateway forwards to a service behind it. */
export const UPSTREAM: ErrorCode[] = ['UPSTREAM_UNREACHABLE', 'UPSTREAM_UNAVAILABLE', 'UPSTREAM_TIMEOUT'];

/** A route whose service reads or writes its database. */
export const DATABASE: ErrorCode[] = ['INVALID_INPUT', 'DATABASE_UNAVAILABLE', 'DATABASE_BUSY'];
