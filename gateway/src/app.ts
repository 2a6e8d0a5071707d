import express, { type Express } from 'express';
import type { TokenVerifier } from '@paymesh/shared/auth';
import { errorHandler, notFoundHandler, refuseEncodedBodies, requestId, requestLog } from '@paymesh/shared/http';
import type { Logger } from '@paymesh/shared/logger';
import { httpMetrics, ipAllowList, metricsRoute, type Registry } from '@paymesh/shared/metrics';
import type { GatewayConfig } from './config.js';
import { requireCanonicalPath } from './edge/canonical-path.js';
import { distrustClientHeaders } from './edge/client-headers.js';
import { createRateLimits } from './edge/rate-limits.js';
import { corsAllowList, securityHeaders } from './edge/security-headers.js';
import { traceContext } from './edge/trace-context.js';
import { docsRoutes } from './docs/docs.routes.js';
import { publishedDocuments } from './docs/published-documents.js';
import { healthRoutes } from './health/health.routes.js';
import type { Upstream } from './proxy/upstream.js';
import type { GatewayMetrics } from './metrics/gateway.metrics.js';
import { upstreamMetricsGuard } from './metrics/upstream-metrics-guard.js';
import { opsRoutes } from './ops/ops.routes.js';
import { meshRoutes } from './routes/mesh.routes.js';

export interface GatewayDeps {
  config: GatewayConfig;
  logger: Logger;
  verifier: TokenVerifier;
  upstreams: { auth: Upstream; payment: Upstream; analytics: Upstream };
  metrics: { registry: Registry; gateway: GatewayMetrics };
}

/**
 * The edge, in the order a request meets it. Not built on the services' createHttpApp: that
 * one parses every JSON body, and the gateway streams bodies through unparsed.
 */
export function buildApp(deps: GatewayDeps): Express {
  const { config, logger, upstreams, metrics } = deps;
  const limits = createRateLimits(
    {
      windowMs: config.RATE_LIMIT_WINDOW_MS,
      failedLoginsPerIp: config.RATE_LIMIT_LOGIN_PER_IP,
      failedLoginsPerUsernameAndIp: config.RATE_LIMIT_LOGIN_PER_USERNAME,
      registrationsPerIp: config.RATE_LIMIT_REGISTER_PER_IP,
      perIp: config.RATE_LIMIT_PER_IP,
      perUser: config.RATE_LIMIT_PER_USER,
      healthPerIp: config.RATE_LIMIT_HEALTH_PER_IP,
    },
    logger,
    metrics.gateway.rateLimited,
  );

  const app = express();
  app.disable('x-powered-by');
  app.disable('etag'); // upstream bodies pass through; the gateway's own are tiny and live
  app.set('trust proxy', config.TRUST_PROXY);
  app.use(requestId());
  app.use(traceContext());
  app.use(requestLog(logger));
  app.use(httpMetrics(metrics.registry));
  app.use(metricsRoute(metrics.registry, ipAllowList(config.METRICS_ALLOW)));
  app.use(upstreamMetricsGuard(Object.keys(upstreams)));
  app.use(securityHeaders());
  app.use(corsAllowList(config.CORS_ORIGINS));
  // Before any rule that looks at the path or the body: one spelling of each.
  app.use(requireCanonicalPath());
  app.use(refuseEncodedBodies());
  app.use(
    healthRoutes([upstreams.auth, upstreams.payment, upstreams.analytics], {
      timeoutMs: config.HEALTH_TIMEOUT_MS,
      cacheMs: config.HEALTH_CACHE_MS,
      limit: limits.health,
    }),
  );
  app.use(limits.perIp);
  app.use(opsRoutes(upstreams, config.HEALTH_TIMEOUT_MS));
  app.use(docsRoutes(publishedDocuments()));
  app.use(distrustClientHeaders());
  app.use(meshRoutes({ ...deps, limits }));
  app.use(notFoundHandler());
  app.use(errorHandler(logger));
  return app;
}
