import type { TokenVerifier } from '@paymesh/shared/auth';
import type { Logger } from '@paymesh/shared/logger';
import { createMetricsRegistry } from '@paymesh/shared/metrics';
import { buildApp } from './app.js';
import type { GatewayConfig } from './config.js';
import { createGatewayMetrics } from './metrics/gateway.metrics.js';
import { measuredUpstream } from './metrics/measured-upstream.js';
import { createUpstream, type BreakerSettings } from './proxy/upstream.js';

/**
 * The gateway's app wired from its configuration: its upstreams (each a list of instances with
 * breakers and probes) and metrics. `close` stops the upstreams' probes and connections. Split
 * from listening so the route table can be read without a server (the API document's tests).
 */
export function assembleGateway(config: GatewayConfig, logger: Logger, verifier: TokenVerifier) {
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
  const app = buildApp({ config, logger, verifier, upstreams, metrics: { registry, gateway: gatewayMetrics } });
  const close = () => {
    for (const each of Object.values(upstreams)) each.close();
  };
  return { app, close };
}
