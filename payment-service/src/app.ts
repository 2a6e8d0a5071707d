import type { Express } from 'express';
import type { TokenVerifier } from '@paymesh/shared/auth';
import { createHttpApp, type ReadinessChecks } from '@paymesh/shared/http';
import type { Logger } from '@paymesh/shared/logger';
import { mapDatabaseErrors } from '@paymesh/shared/postgres';
import type { Idempotency } from './idempotency/idempotency.service.js';
import { transactionsRoutes } from './transactions/transactions.routes.js';
import type { TransactionsService } from './transactions/transactions.service.js';

export interface AppDeps {
  logger: Logger;
  verifier: TokenVerifier;
  transactions: TransactionsService;
  idempotency: Idempotency;
  readiness: ReadinessChecks;
}

export function buildApp(deps: AppDeps): Express {
  return createHttpApp({ service: 'payment-service', logger: deps.logger, readiness: deps.readiness }, (app) => {
    app.use(transactionsRoutes(deps));
    // Validation keeps client data in range; anything that still reaches the database and is refused is a 400, not a 500.
    app.use(mapDatabaseErrors(deps.logger));
  });
}
