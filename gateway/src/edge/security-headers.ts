import type { RequestHandler } from 'express';
import cors from 'cors';
import helmet from 'helmet';

/** Security headers on every answer, including the upstreams' (helmet sets them before proxying). */
export function securityHeaders(): RequestHandler {
  return helmet();
}

/**
 * Browsers may call the gateway only from the listed origins. Tokens travel in the
 * Authorization header, never in cookies, so credentials stay off.
 */
export function corsAllowList(origins: string[]): RequestHandler {
  const handle = cors({
    origin: origins,
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type', 'X-Request-Id', 'Idempotency-Key'],
    exposedHeaders: ['X-Request-Id', 'Retry-After', 'RateLimit', 'RateLimit-Policy', 'Link', 'Idempotent-Replayed'],
    maxAge: 600,
  });
  // Only browsers send Origin; servers and probes skip the CORS work (the answer still varies by it).
  return (req, res, next) => {
    if (req.headers.origin !== undefined) return handle(req, res, next);
    res.setHeader('Vary', 'Origin');
    next();
  };
}
