import type { Express } from 'express';
import type pg from 'pg';
import type { TokenVerifier } from '@paymesh/shared/auth';
import { createHttpApp, type ReadinessChecks } from '@paymesh/shared/http';
import type { Logger } from '@paymesh/shared/logger';
import { mapDatabaseErrors } from '@paymesh/shared/postgres';
import { httpMetrics, metricsRoute, type Registry } from '@paymesh/shared/metrics';
import { countCreateAnswers, type PaymentMetrics } from './metrics/payment.metrics.js';
import { outboxSummaryRoutes } from './metrics/outbox-summary.routes.js';
import { transactionsRoutes } from './transactions/transactions.routes.js';
import type { TransactionsService } from './transactions/transactions.service.js';

export interface AppDeps {
  logger: Logger;
  verifier: TokenVerifier;
  transactions: TransactionsService;
  readiness: ReadinessChecks;
  registry: Registry;
  metrics: PaymentMetrics;
  outbox: { pool: pg.Pool; topic: string };
}

export function buildApp(deps: AppDeps): Express {
  return createHttpApp({ service: 'payment-service', logger: deps.logger, readiness: deps.readiness }, (app) => {
    app.use(httpMetrics(deps.registry), metricsRoute(deps.registry), outboxSummaryRoutes(deps.outbox));
    app.post('/transactions', countCreateAnswers(deps.metrics));
    app.use(transactionsRoutes(deps));
    // Validation keeps client data in range; anything that still reaches the database and is refused is a 400, not a 500.
    app.use(mapDatabaseErrors(deps.logger));
  });
}
