import type { RequestHandler, Response } from 'express';
import { clientKey, createCredentialLimits, createLimiter } from '@paymesh/shared/http';
import type { Logger } from '@paymesh/shared/logger';

export interface RateLimitSettings {
  windowMs: number;
  failedLoginsPerIp: number;
  failedLoginsPerUsernameAndIp: number;
  registrationsPerIp: number;
  perIp: number;
  perUser: number;
  healthPerIp: number;
}

function userIdOf(res: Response): string {
  return (res.locals.user as { userId: string }).userId;
}

/** The limiters of the edge; each answers 429 in our error shape with Retry-After; 0 turns one off. */
export function createRateLimits(s: RateLimitSettings, logger: Logger, onRejected: (rule: string) => void = () => undefined) {
  const credentials = createCredentialLimits(
    {
      windowMs: s.windowMs,
      failedLoginsPerClient: s.failedLoginsPerIp,
      failedLoginsPerUsernameAndClient: s.failedLoginsPerUsernameAndIp,
      registrationsPerClient: s.registrationsPerIp,
    },
    logger,
    onRejected,
  );
  const limiter = (name: string, limit: number, keyGenerator: NonNullable<Parameters<typeof createLimiter>[0]['keyGenerator']>): RequestHandler =>
    createLimiter({ name, limit, windowMs: s.windowMs, logger, keyGenerator, onRejected });

  return {
    /** For POST /auth/login, once the body is parsed. */
    login: credentials.login,
    /** For POST /auth/register, once the body is parsed. */
    register: credentials.register,
    /** For every request: per client IP. */
    perIp: limiter('requests per client', s.perIp, (req) => clientKey(req)),
    /** For authenticated routes, after the token is verified: per user id. */
    perUser: limiter('requests per user', s.perUser, (_req, res) => `user:${userIdOf(res)}`),
    /** For GET /health, which asks every upstream: per client IP. */
    health: limiter('health checks per client', s.healthPerIp, (req) => `health:${clientKey(req)}`),
  };
}

export type RateLimits = ReturnType<typeof createRateLimits>;
