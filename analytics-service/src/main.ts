import { createLogger } from '@paymesh/shared/logger';
import { onShutdown } from '@paymesh/shared/http';
import { loadAnalyticsConfig } from './config.js';
import { startService } from './service.js';

const config = loadAnalyticsConfig();
const logger = createLogger('analytics-service', config.LOG_LEVEL);
const service = await startService(config, logger);
logger.info({ url: service.url, topic: config.TRANSACTIONS_TOPIC }, 'analytics-service listening; replaying the topic');
onShutdown(logger, service.stop);
