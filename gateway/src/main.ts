import { onShutdown } from '@paymesh/shared/http';
import { createLogger } from '@paymesh/shared/logger';
import { loadGatewayConfig } from './config.js';
import { startService } from './service.js';

const config = loadGatewayConfig();
const logger = createLogger('gateway', config.LOG_LEVEL);
const gateway = await startService(config, logger);
logger.info(
  { url: gateway.url, auth: config.AUTH_SERVICE_URL, payment: config.PAYMENT_SERVICE_URL, analytics: config.ANALYTICS_SERVICE_URL },
  'gateway listening',
);
onShutdown(logger, () => gateway.stop());
