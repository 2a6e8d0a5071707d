import { Router } from 'express';
import { requireUser, type TokenVerifier } from '@paymesh/shared/auth';
import type { GatewayConfig } from '../config.js';
import { limitBody, parseJsonBody, requireJsonBody } from '../edge/body-guard.js';
import type { RateLimits } from '../edge/rate-limits.js';
import type { Upstream } from '../proxy/upstream.js';
import { statsStreamRoute } from '../streams/stats-stream.routes.js';

interface MeshDeps {
  config: GatewayConfig;
  verifier: TokenVerifier;
  upstreams: { auth: Upstream; payment: Upstream; analytics: Upstream };
  limits: Pick<RateLimits, 'login' | 'register' | 'perUser'>;
}

/**
 * Which path goes where, and what is checked on the way. Mounting under a prefix strips it,
 * so `/payment/transactions` reaches payment-service as `/transactions`.
 */
export function meshRoutes({ config, verifier, upstreams, limits }: MeshDeps): Router {
  const { auth, payment, analytics } = upstreams;
  const limit = config.BODY_LIMIT_BYTES;
  const authenticated = [requireUser(verifier), limits.perUser];
  const toAuth = auth.forward(config.AUTH_TIMEOUT_MS);
  const toPayment = payment.forward(config.PAYMENT_TIMEOUT_MS);
  const toAnalytics = analytics.forward(config.ANALYTICS_TIMEOUT_MS);

  const router = Router();
  router.use(requireJsonBody(), limitBody(limit));

  // The login limiter reads the username, so only these two bodies are parsed at the edge.
  router.post('/auth/login', parseJsonBody(limit), ...limits.login);
  router.post('/auth/register', parseJsonBody(limit), ...limits.register);
  router.get('/auth/me', ...authenticated);
  router.use('/auth', toAuth);

  router.use('/payment', ...authenticated, toPayment);

  router.get('/analytics/stats/me', ...authenticated);
  router.get(
    '/analytics/stats/stream',
    statsStreamRoute(() => analytics.pickUrl(), {
      maxPerClient: config.STREAM_MAX_PER_CLIENT,
      maxTotal: config.STREAM_MAX_TOTAL,
      minIntervalMs: config.STREAM_MIN_INTERVAL_MS,
    }),
  );
  router.use('/analytics', toAnalytics);
  router.get('/stats', toAnalytics);
  return router;
}
