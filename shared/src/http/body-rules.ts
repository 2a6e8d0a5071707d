import { isUtf8 } from 'node:buffer';
import type { IncomingMessage } from 'node:http';
import express, { type Request, type RequestHandler } from 'express';
import { AppError, errors } from '../errors/index.js';
import { nestsDeeperThan } from './json-depth.js';

/** No paymesh body nests deeper than a handful of levels; 32 leaves room and bounds every walk. */
export const MAX_JSON_DEPTH = 32;

const unsupportedEncoding = (encoding: string) =>
  new AppError(errors.UNSUPPORTED_CONTENT_ENCODING, { message: `Content-Encoding "${encoding}" is not accepted; send the body uncompressed` });
const onlyUtf8 = (found: string) =>
  new AppError(errors.UNSUPPORTED_CHARSET, { message: `The body is ${found}; only UTF-8 JSON is accepted (RFC 8259)` });
const notUtf8 = () => new AppError(errors.INVALID_JSON, { message: 'The request body is not valid UTF-8' });
const tooDeep = (max: number) =>
  new AppError(errors.JSON_TOO_DEEP, { message: `The JSON body nests deeper than ${max} levels`, details: { max_depth: max } });

export function hasBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

function charsetOf(contentType: string | undefined): string | undefined {
  return /;\s*charset\s*=\s*"?([^";\s]*)/i.exec(contentType ?? '')?.[1]?.toLowerCase();
}

/**
 * The one rule for what a body may be on the wire, before anything reads it: no content coding
 * (a decoded body forwarded with its old Content-Encoding, or a bomb, is worse than a 415) and,
 * when a charset is named, UTF-8.
 */
export function refuseEncodedBodies(): RequestHandler {
  return (req, _res, next) => {
    const encoding = req.headers['content-encoding']?.trim().toLowerCase();
    if (encoding !== undefined && encoding !== '' && encoding !== 'identity') throw unsupportedEncoding(encoding);
    const charset = hasBody(req) ? charsetOf(req.headers['content-type']) : undefined;
    if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') throw onlyUtf8(`declared as charset "${charset}"`);
    next();
  };
}

/** UTF-16 and UTF-32 JSON start with a NUL in one of the first two bytes, or with a byte-order mark. */
function looksLikeWideUnicode(bytes: Buffer): boolean {
  if (bytes.length < 2) return false;
  const [first, second] = [bytes[0], bytes[1]];
  return first === 0 || second === 0 || (first === 0xfe && second === 0xff) || (first === 0xff && second === 0xfe);
}

const RAW_BODY = Symbol('raw JSON body');

/** The exact bytes a JSON body arrived as, once `jsonBody` has read and checked them. */
export function rawBodyOf(req: Request): Buffer | undefined {
  return (req as unknown as Record<symbol, Buffer | undefined>)[RAW_BODY];
}

export interface JsonBodyOptions {
  /** Largest body in bytes (or an express size string); bigger ones get 413. */
  limit: number | string;
  /** Which requests to parse; express.json's default is `application/json`. */
  type?: string | ((req: IncomingMessage) => boolean);
  maxDepth?: number;
}

/**
 * Reads and parses a JSON body under the size limit, checking the raw bytes first: valid
 * UTF-8 (a UTF-16 body gets 415, not a confusing parse error) and nesting depth, so nothing
 * after JSON.parse can recurse without a bound. The checked bytes are kept for `rawBodyOf`.
 */
export function jsonBody(options: JsonBodyOptions): RequestHandler {
  const maxDepth = options.maxDepth ?? MAX_JSON_DEPTH;
  return express.json({
    limit: options.limit,
    type: options.type ?? 'application/json',
    inflate: false,
    verify: (req, _res, bytes) => {
      if (looksLikeWideUnicode(bytes)) throw onlyUtf8('UTF-16 or UTF-32');
      if (!isUtf8(bytes)) throw notUtf8();
      if (nestsDeeperThan(bytes, maxDepth)) throw tooDeep(maxDepth);
      (req as unknown as Record<symbol, Buffer>)[RAW_BODY] = bytes;
    },
  });
}
