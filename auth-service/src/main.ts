import { startTracing } from '@paymesh/shared/tracing';

// Tracing starts before anything it instruments (http, express, pg) is loaded, so the rest is
// imported after it; with no OTLP endpoint configured it only propagates trace context.
const tracing = await startTracing({ service: 'auth-service' });
const { onShutdown } = await import('@paymesh/shared/http');
const { createLogger } = await import('@paymesh/shared/logger');
const { loadAuthConfig } = await import('./config.js');
const { startService } = await import('./service.js');

const config = loadAuthConfig();
const logger = createLogger('auth-service', config.LOG_LEVEL);
const service = await startService(config, logger);
logger.info({ url: service.url }, 'auth-service listening');
onShutdown(logger, async () => {
  await service.stop();
  await tracing?.shutdown();
});
