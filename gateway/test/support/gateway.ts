import { createLogger, type Logger } from '@paymesh/shared/logger';
import { loadGatewayConfig } from '../../src/config.js';
import type { RunningService } from '@paymesh/shared/http';
import { startService } from '../../src/service.js';

/** Nothing listens here: a safe default for upstreams a test does not use. */
export const NOWHERE = 'http://127.0.0.1:9';

/** The gateway in-process on a free port, configured through the same variables as in production. */
export function startGateway(env: Record<string, string> = {}, logger?: Logger): Promise<RunningService> {
  const config = loadGatewayConfig({
    AUTH_SERVICE_URL: NOWHERE,
    PAYMENT_SERVICE_URL: NOWHERE,
    ANALYTICS_SERVICE_URL: NOWHERE,
    // Tests read breaker states from /health as they change, and poll it: fresh and unlimited
    // unless a test is about the cache or the limit.
    HEALTH_CACHE_MS: '0',
    RATE_LIMIT_HEALTH_PER_IP: '0',
    ...env,
    PORT: '0',
  });
  return startService(config, logger ?? createLogger('gateway', process.env.TEST_LOG_LEVEL ?? 'silent'));
}
