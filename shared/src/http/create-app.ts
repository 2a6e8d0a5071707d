import express, { type Express } from 'express';
import type { Logger } from '../logger/index.js';
import { jsonBody, refuseEncodedBodies } from './body-rules.js';
import { continueTrace } from '../tracing/continue-trace.js';
import { requestId } from './request-id.js';
import { requestLog } from './request-log.js';
import { healthRoutes, type ReadinessChecks } from './health.js';
import { errorHandler, notFoundHandler } from './error-handler.js';

export interface HttpAppOptions {
  service: string;
  logger: Logger;
  readiness?: ReadinessChecks;
  /** Checks that make `/health` answer 503 when the process is alive but no longer working. */
  liveness?: ReadinessChecks;
  /** Largest JSON body accepted; bigger ones get 413. */
  jsonLimit?: string;
}

/**
 * The plumbing every service shares, around the routes `mount` adds: request ids, trace context,
 * request logs, JSON bodies (one rule for what a body may be), health and readiness, then JSON 404s and errors.
 * It never listens, so tests can serve it on port 0.
 */
export function createHttpApp(options: HttpAppOptions, mount: (app: Express) => void): Express {
  const app = express();
  app.disable('x-powered-by');
  // Our services sit behind the gateway on loopback; trust its X-Forwarded-For for client ips.
  app.set('trust proxy', 'loopback');
  app.use(requestId());
  app.use(continueTrace());
  app.use(requestLog(options.logger));
  app.use(refuseEncodedBodies(), jsonBody({ limit: options.jsonLimit ?? '64kb' }));
  app.use(healthRoutes(options.service, options.readiness, options.liveness));
  mount(app);
  app.use(notFoundHandler());
  app.use(errorHandler(options.logger));
  return app;
}
