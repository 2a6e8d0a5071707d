import type { Express } from 'express';
import type { TokenVerifier } from '@paymesh/shared/auth';
import { createHttpApp, type CredentialLimitSettings, type ReadinessChecks } from '@paymesh/shared/http';
import type { Logger } from '@paymesh/shared/logger';
import { mapDatabaseErrors } from '@paymesh/shared/postgres';
import { httpMetrics, metricsRoute, type Registry } from '@paymesh/shared/metrics';
import type { Keyring } from './keys/keyring.js';
import { jwksRoutes } from './keys/jwks.routes.js';
import { credentialLimits } from './users/credential-limits.js';
import type { UsersService } from './users/users.service.js';
import { usersRoutes } from './users/users.routes.js';

export interface AppDeps {
  logger: Logger;
  users: UsersService;
  keyring: Keyring;
  verifier: TokenVerifier;
  readiness: ReadinessChecks;
  limits: CredentialLimitSettings;
  registry: Registry;
}

export function buildApp(deps: AppDeps): Express {
  return createHttpApp({ service: 'auth-service', logger: deps.logger, readiness: deps.readiness, jsonLimit: '8kb' }, (app) => {
    app.use(httpMetrics(deps.registry), metricsRoute(deps.registry));
    app.use(jwksRoutes(deps.keyring));
    app.use(credentialLimits(deps.limits, deps.logger));
    app.use(usersRoutes(deps.users, deps.verifier));
    // Whatever the database still refuses of a client's values is that client's 400, not a 500.
    app.use(mapDatabaseErrors(deps.logger));
  });
}
