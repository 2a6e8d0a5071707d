import { Router } from 'express';
import type { Registry } from 'prom-client';

/** The path Prometheus scrapes. */
export const METRICS_PATH = '/metrics';

/**
 * GET /metrics in Prometheus text format. `allowed` decides who may read it (the gateway's is
 * on the public port); a refused caller gets the same 404 as a path that does not exist.
 */
export function metricsRoute(registry: Registry, allowed: (ip: string | undefined) => boolean = () => true): Router {
  const router = Router();
  router.get(METRICS_PATH, async (req, res, next) => {
    if (!allowed(req.ip)) return next();
    const body = await registry.metrics();
    res.set('Content-Type', registry.contentType).set('Cache-Control', 'no-store').send(body);
  });
  return router;
}
