import { startTracing } from '@paymesh/shared/tracing';

// Tracing starts before anything it instruments (http, express, pg) is loaded, so the rest is
// imported after it; with no OTLP endpoint configured it only propagates trace context.
const tracing = await startTracing({ service: 'analytics-service' });
const { createLogger } = await import('@paymesh/shared/logger');
const { onShutdown } = await import('@paymesh/shared/http');
const { loadAnalyticsConfig } = await import('./config.js');
const { startService } = await import('./service.js');

const config = loadAnalyticsConfig();
const logger = createLogger('analytics-service', config.LOG_LEVEL);
const service = await startService(config, logger);
logger.info({ url: service.url, topic: config.TRANSACTIONS_TOPIC }, 'analytics-service listening; replaying the topic');
onShutdown(logger, async () => {
  await service.stop();
  await tracing?.shutdown();
});
