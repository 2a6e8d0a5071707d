import type { RequestHandler } from 'express';
import { Router } from 'express';
import { createCredentialLimits, type CredentialLimitSettings } from '@paymesh/shared/http';
import type { Logger } from '@paymesh/shared/logger';
import type { AuthConfig } from '../config.js';

/** The limits as this service's configuration sets them (the same variables as the gateway's). */
export function credentialLimitSettings(config: AuthConfig): CredentialLimitSettings {
  return {
    windowMs: config.RATE_LIMIT_WINDOW_MS,
    failedLoginsPerClient: config.RATE_LIMIT_LOGIN_PER_IP,
    failedLoginsPerUsernameAndClient: config.RATE_LIMIT_LOGIN_PER_USERNAME,
    registrationsPerClient: config.RATE_LIMIT_REGISTER_PER_IP,
  };
}

/**
 * The gateway's login and register limits, applied again here as a second line of defence:
 * a request that reaches this service some other way still meets them. The client is the
 * address the gateway forwarded (this service trusts X-Forwarded-For from loopback only).
 */
export function credentialLimits(settings: CredentialLimitSettings, logger: Logger): RequestHandler {
  const limits = createCredentialLimits(settings, logger);
  const router = Router();
  router.post('/login', ...limits.login);
  router.post('/register', ...limits.register);
  return router;
}
