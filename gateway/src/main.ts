import { startTracing } from '@paymesh/shared/tracing';

// Tracing starts before anything it instruments (http, express, pg) is loaded, so the rest is
// imported after it; with no OTLP endpoint configured it only propagates trace context.
const tracing = await startTracing({ service: 'gateway' });
const { onShutdown } = await import('@paymesh/shared/http');
const { createLogger } = await import('@paymesh/shared/logger');
const { loadGatewayConfig } = await import('./config.js');
const { startService } = await import('./service.js');

const config = loadGatewayConfig();
const logger = createLogger('gateway', config.LOG_LEVEL);
const gateway = await startService(config, logger);
logger.info(
  { url: gateway.url, ...config.UPSTREAM_URLS },
  'gateway listening',
);
onShutdown(logger, async () => {
  await gateway.stop();
  await tracing?.shutdown();
});
