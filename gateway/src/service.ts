import { createTokenVerifier } from '@paymesh/shared/auth';
import { runningService, startHttpServer, type RunningService } from '@paymesh/shared/http';
import type { Logger } from '@paymesh/shared/logger';
import { buildApp } from './app.js';
import type { GatewayConfig } from './config.js';
import { createMetricsRegistry } from '@paymesh/shared/metrics';
import { createGatewayMetrics } from './metrics/gateway.metrics.js';
import { measuredUpstream } from './metrics/measured-upstream.js';
import { createUpstream, type BreakerSettings } from './proxy/upstream.js';

/** Wires the upstreams, the token verifier and the app, and listens. */
export async function startService(config: GatewayConfig, logger: Logger): Promise<RunningService> {
  const breaker: BreakerSettings = {
    volumeThreshold: config.BREAKER_VOLUME,
    errorThresholdPercentage: config.BREAKER_ERROR_PERCENT,
    rollingCountTimeout: config.BREAKER_WINDOW_MS,
    resetTimeout: config.BREAKER_RESET_MS,
  };
  const upstream = (name: 'auth' | 'payment' | 'analytics') =>
    createUpstream({
      name,
      urls: config.UPSTREAM_URLS[name],
      breaker,
      logger,
      policy: config.BALANCE_POLICY,
      health: { intervalMs: config.INSTANCE_CHECK_INTERVAL_MS, timeoutMs: config.HEALTH_TIMEOUT_MS },
    });
  const plain = { auth: upstream('auth'), payment: upstream('payment'), analytics: upstream('analytics') };
  const registry = createMetricsRegistry();
  const gatewayMetrics = createGatewayMetrics(registry, Object.values(plain));
  const upstreams = {
    auth: measuredUpstream(plain.auth, gatewayMetrics),
    payment: measuredUpstream(plain.payment, gatewayMetrics),
    analytics: measuredUpstream(plain.analytics, gatewayMetrics),
  };
  const verifier = createTokenVerifier({
    jwksUrl: config.AUTH_JWKS_URL,
    cache: { maxEntries: config.TOKEN_CACHE_SIZE, ttlMs: config.TOKEN_CACHE_TTL_MS },
  });
  const app = buildApp({ config, logger, verifier, upstreams, metrics: { registry, gateway: gatewayMetrics } });
  const server = await startHttpServer(app, config.PORT, config.HOST);

  return runningService(server, () => {
    for (const upstream of Object.values(upstreams)) upstream.close();
  });
}
