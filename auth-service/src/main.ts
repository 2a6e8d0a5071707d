import { onShutdown } from '@paymesh/shared/http';
import { createLogger } from '@paymesh/shared/logger';
import { loadAuthConfig } from './config.js';
import { startService } from './service.js';

const config = loadAuthConfig();
const logger = createLogger('auth-service', config.LOG_LEVEL);
const service = await startService(config, logger);
logger.info({ url: service.url }, 'auth-service listening');
onShutdown(logger, () => service.stop());
