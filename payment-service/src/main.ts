import { onShutdown } from '@paymesh/shared/http';
import { createLogger } from '@paymesh/shared/logger';
import { loadPaymentConfig } from './config.js';
import { startService } from './service.js';

const config = loadPaymentConfig();
const logger = createLogger('payment-service', config.LOG_LEVEL);
const service = await startService(config, logger);
logger.info({ url: service.url, topic: config.TRANSACTIONS_TOPIC }, 'payment-service listening');
onShutdown(logger, () => service.stop());
