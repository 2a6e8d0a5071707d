import { defineErrors } from './error-entry.js';

/** Requests refused before any feature sees them: their shape, size, encoding or path. */
export const requestErrors = defineErrors({
  VALIDATION_FAILED: { status: 400, message: 'The request is not valid', description: 'A field breaks its rule; `fields` names each one.' },
  INVALID_JSON: { status: 400, message: 'The request body is not valid JSON' },
  JSON_TOO_DEEP: { status: 400, message: 'The JSON body nests too deep', description: '`max_depth` says how deep it may go.' },
  REQUEST_ABORTED: { status: 400, message: 'The request body ended early' },
  INVALID_CONTENT_LENGTH: { status: 400, message: 'The request body does not match its Content-Length' },
  BAD_REQUEST: { status: 400, message: 'The request could not be read', description: 'A library refused the request; the status is the one it chose (4xx).' },
  NON_CANONICAL_PATH: { status: 400, message: 'Request refused: the path is not in its one canonical spelling' },
  MALFORMED_REQUEST: { status: 400, message: 'The request is not valid HTTP' },
  INVALID_INPUT: { status: 400, message: 'A value in the request is outside what this service can store' },
  NOT_FOUND: { status: 404, message: 'Not found' },
  REQUEST_TIMEOUT: { status: 408, message: 'The request took too long to arrive' },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'The request body is too large', description: '`limit_bytes` says how large it may be.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'The request body must be JSON (Content-Type: application/json)' },
  UNSUPPORTED_CONTENT_ENCODING: { status: 415, message: 'The request body must not be compressed' },
  UNSUPPORTED_CHARSET: { status: 415, message: 'Only UTF-8 JSON is accepted' },
  HEADERS_TOO_LARGE: { status: 431, message: 'The request headers are larger than 16 kB' },
  RATE_LIMITED: {
    status: 429,
    message: 'Too many requests; try again later',
    description: 'A budget ran out: `limit` names it, `retry_after_s` and Retry-After say when it frees up.',
  },
  INTERNAL: { status: 500, message: 'Something went wrong on our side' },
});
