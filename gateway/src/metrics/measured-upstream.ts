import { statusClassOf } from '@paymesh/shared/metrics';
import type { Upstream } from '../proxy/upstream.js';
import type { GatewayMetrics } from './gateway.metrics.js';

/**
 * The same upstream, with each forward timed until the upstream's headers are in (its handler
 * resolves then; a body or a stream flows on by itself) and event streams counted while open.
 * It also names the request's route for the request histogram: the mount point (`/payment/*`),
 * since everything below it is the upstream's business and would be unbounded here.
 */
export function measuredUpstream(upstream: Upstream, metrics: GatewayMetrics): Upstream {
  const labels = { upstream: upstream.name };
  return {
    ...upstream,
    forward(timeoutMs) {
      const forward = upstream.forward(timeoutMs);
      return async (req, res, next) => {
        (res.locals as { routeTemplate?: string }).routeTemplate = req.baseUrl ? `${req.baseUrl}/*` : req.path;
        const started = performance.now();
        await forward(req, res, next);
        // The instance that answered last; `none` when every breaker refused before any was tried.
        const instance = (res.locals as { upstreamInstance?: string }).upstreamInstance ?? 'none';
        metrics.upstreamLatency.observe({ ...labels, instance, status_class: statusClassOf(res.statusCode) }, (performance.now() - started) / 1000);
        if (String(res.getHeader('content-type') ?? '').startsWith('text/event-stream') && !res.writableEnded) {
          metrics.openStreams.inc(labels);
          res.once('close', () => metrics.openStreams.dec(labels));
        }
      };
    },
  };
}
