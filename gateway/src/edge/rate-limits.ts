import type { Request, RequestHandler, Response } from 'express';
import { ipKeyGenerator, rateLimit, type Options } from 'express-rate-limit';
import { AppError } from '@paymesh/shared/errors';
import type { Logger } from '@paymesh/shared/logger';

export interface RateLimitSettings {
  windowMs: number;
  loginPerIp: number;
  loginPerUsername: number;
  perIp: number;
  perUser: number;
}

const passThrough: RequestHandler = (_req, _res, next) => next();

const clientIp = (req: Request) => ipKeyGenerator(req.ip ?? req.socket.remoteAddress ?? 'unknown');

function usernameOf(req: Request): string | undefined {
  const username = (req.body as { username?: unknown } | undefined)?.username;
  return typeof username === 'string' && username.length > 0 ? username.toLowerCase() : undefined;
}

function userIdOf(res: Response): string {
  return (res.locals.user as { userId: string }).userId;
}

/**
 * The limiters of the edge. Each answers 429 in our error shape with Retry-After (the seconds
 * until its window frees up); a limit of 0 turns that limiter off.
 */
export function createRateLimits(s: RateLimitSettings, logger: Logger, onRejected: (rule: string) => void = () => undefined) {
  const limiter = (name: string, limit: number, options: Partial<Options>): RequestHandler => {
    if (limit === 0) return passThrough;
    return rateLimit({
      windowMs: s.windowMs,
      limit,
      // draft-7's single RateLimit header needs no hashing of the key per request, unlike draft-8.
      standardHeaders: 'draft-7',
      legacyHeaders: false,
      logger,
      // The gateway is the edge: a client's X-Forwarded-For is ignored on purpose, not a misconfiguration.
      validate: { xForwardedForHeader: false },
      handler: (_req, res, next) => {
        const retryAfter = Number(res.getHeader('Retry-After') ?? Math.ceil(s.windowMs / 1000));
        onRejected(name);
        next(
          new AppError('RATE_LIMITED', `Too many requests (${name}); try again in ${retryAfter} s`, 429, {
            headers: { 'Retry-After': String(retryAfter) },
            details: { limit: name, retry_after_s: retryAfter },
          }),
        );
      },
      ...options,
    });
  };

  // Login and register share a budget per client, so trying passwords by registering fails as fast.
  const credentialsPerIp = limiter('login per client', s.loginPerIp, { keyGenerator: (req) => clientIp(req) });
  const credentialsPerUsername = limiter('login per username', s.loginPerUsername, {
    keyGenerator: (req) => `username:${usernameOf(req)}`,
    // A request without a username is refused by auth anyway; it has no account to protect.
    skip: (req) => usernameOf(req) === undefined,
  });

  return {
    /** For POST /auth/login and /auth/register: per client IP, checked before the body is read. */
    credentialsPerIp,
    /** For the same routes, once the body is parsed: per username, whichever client tries it. */
    credentialsPerUsername,
    /** For every request: per client IP. */
    perIp: limiter('requests per client', s.perIp, { keyGenerator: (req) => clientIp(req) }),
    /** For authenticated routes, after the token is verified: per user id. */
    perUser: limiter('requests per user', s.perUser, { keyGenerator: (_req, res) => `user:${userIdOf(res)}` }),
  };
}
