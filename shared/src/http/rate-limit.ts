import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit, type Options } from 'express-rate-limit';
import { AppError, errors } from '../errors/index.js';
import type { Logger } from '../logger/index.js';

const passThrough: RequestHandler = (_req, _res, next) => next();

/** The client as this process sees it (`trust proxy` decides whether X-Forwarded-For counts); IPv6 by /56. */
export const clientKey = (req: Request) => ipKeyGenerator(req.ip ?? req.socket.remoteAddress ?? 'unknown');

export interface LimiterOptions extends Partial<Options> {
  /** Named in the 429 body, so a client (and a log reader) knows which budget ran out. */
  name: string;
  /** Requests per window; 0 turns the limiter off. */
  limit: number;
  windowMs: number;
  logger: Logger;
  /** Told the limiter's name on every 429, for a rejections-per-rule metric. */
  onRejected?: (name: string) => void;
}

/**
 * One rate limiter answering 429 in our error shape, with Retry-After (the seconds until its
 * window frees up) and a draft-7 RateLimit header.
 */
export function createLimiter({ name, limit, windowMs, logger, onRejected, ...options }: LimiterOptions): RequestHandler {
  if (limit === 0) return passThrough;
  return rateLimit({
    windowMs,
    limit,
    // draft-7's single RateLimit header needs no hashing of the key per request, unlike draft-8.
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    logger,
    // At the edge a client's X-Forwarded-For is ignored on purpose, not a misconfiguration.
    validate: { xForwardedForHeader: false },
    handler: (_req, res, next) => {
      const retryAfter = Number(res.getHeader('Retry-After') ?? Math.ceil(windowMs / 1000));
      onRejected?.(name);
      next(
        new AppError(errors.RATE_LIMITED, {
          message: `Too many requests (${name}); try again in ${retryAfter} s`,
          headers: { 'Retry-After': String(retryAfter) },
          details: { limit: name, retry_after_s: retryAfter },
        }),
      );
    },
    ...options,
  });
}
