import { Router, type RequestHandler } from 'express';
import type { Upstream } from '../proxy/upstream.js';
import { probe } from './instance-probe.js';
import { sharedResult } from './shared-result.js';

export interface HealthOptions {
  timeoutMs: number;
  /** How long one round of probes answers every caller. */
  cacheMs: number;
  /** Runs before `/health` (a per-client limit); `/ready` stays free for probes. */
  limit: RequestHandler;
}

/**
 * `GET /health`: the mesh as the gateway sees it, each upstream's readiness asked directly
 * (not through its breaker, so a probe neither trips nor is blocked by it); 200 only when every
 * service has a ready instance. Each answer fans out to every upstream (analytics opens a Kafka admin connection),
 * so one round of probes serves every caller for `cacheMs`, and callers are rate-limited.
 * `GET /ready`: the gateway itself can serve, whatever its upstreams are doing.
 */
export function healthRoutes(upstreams: Upstream[], o: HealthOptions): Router {
  const router = Router();
  const probeAll = sharedResult(async () => {
    const results = await Promise.all(upstreams.map((upstream) => probe(upstream, o.timeoutMs)));
    return { healthy: results.every((result) => result.status === 'up'), services: Object.fromEntries(upstreams.map((upstream, i) => [upstream.name, results[i]])) };
  }, o.cacheMs);
  router.get('/health', o.limit, async (_req, res) => {
    const { healthy, services } = await probeAll();
    res.status(healthy ? 200 : 503).json({ status: healthy ? 'ok' : 'degraded', service: 'gateway', services });
  });
  router.get('/ready', (_req, res) => {
    res.json({ status: 'ready', service: 'gateway', uptime_s: Math.round(process.uptime()) });
  });
  return router;
}
