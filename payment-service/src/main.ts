import { startTracing } from '@paymesh/shared/tracing';

// Tracing starts before anything it instruments (http, express, pg) is loaded, so the rest is
// imported after it; with no OTLP endpoint configured it only propagates trace context.
const tracing = await startTracing({ service: 'payment-service' });
const { onShutdown } = await import('@paymesh/shared/http');
const { createLogger } = await import('@paymesh/shared/logger');
const { loadPaymentConfig } = await import('./config.js');
const { startService } = await import('./service.js');

const config = loadPaymentConfig();
const logger = createLogger('payment-service', config.LOG_LEVEL);
const service = await startService(config, logger);
logger.info({ url: service.url, topic: config.TRANSACTIONS_TOPIC }, 'payment-service listening');
onShutdown(logger, async () => {
  await service.stop();
  await tracing?.shutdown();
});
