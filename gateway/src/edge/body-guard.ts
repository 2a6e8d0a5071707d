import type { RequestHandler } from 'express';
import { AppError, errors } from '@paymesh/shared/errors';
import { hasBody, jsonBody } from '@paymesh/shared/http';

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

const unsupportedType = () => new AppError(errors.UNSUPPORTED_MEDIA_TYPE);
const tooLarge = (limit: number) =>
  new AppError(errors.PAYLOAD_TOO_LARGE, { message: `The request body is larger than ${limit} bytes`, details: { limit_bytes: limit } });

/** Every paymesh API takes JSON; other bodies are refused before they cost an upstream anything. */
export function requireJsonBody(): RequestHandler {
  return (req, _res, next) => {
    if (hasBody(req) && !JSON_TYPE.test(req.headers['content-type'] ?? '')) throw unsupportedType();
    next();
  };
}

/**
 * Enforces the body limit while leaving bodies unparsed, so they stream straight through.
 * A declared length is checked without reading a byte; a chunked body has no declared
 * length, so it is read here, under the limit (and under the shared depth and UTF-8 checks).
 */
export function limitBody(limit: number): RequestHandler {
  const readUnderLimit = parseJsonBody(limit);
  return (req, res, next) => {
    const declared = req.headers['content-length'];
    if (declared === undefined) return req.headers['transfer-encoding'] ? readUnderLimit(req, res, next) : next();
    if (Number(declared) > limit) throw tooLarge(limit);
    next();
  };
}

/**
 * Parses a JSON body at the edge, for the few routes that must read it (the login limiter),
 * with the same rule every service applies. The bytes it checked are what gets forwarded.
 */
export function parseJsonBody(limit: number): RequestHandler {
  return jsonBody({ limit, type: () => true });
}
