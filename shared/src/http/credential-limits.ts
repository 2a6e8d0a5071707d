import type { Request, RequestHandler } from 'express';
import type { Logger } from '../logger/index.js';
import { clientKey, createLimiter } from './rate-limit.js';

export interface CredentialLimitSettings {
  windowMs: number;
  /** Failed logins per client, whatever usernames it tries. */
  failedLoginsPerClient: number;
  /** Failed logins per username from one client: guessing one account from one place. */
  failedLoginsPerUsernameAndClient: number;
  /** Registrations per client, a budget of its own. */
  registrationsPerClient: number;
}

function usernameOf(req: Request): string {
  const username = (req.body as { username?: unknown } | undefined)?.username;
  return typeof username === 'string' ? username.toLowerCase() : '';
}

/**
 * The login and register limits, defined once for the gateway (the first line) and
 * auth-service (the second). They protect without letting one person lock out another:
 * - only failed logins count, so a user who logs in is never penalised;
 * - failures are counted per client and per (username, client), never per username alone,
 *   so an attacker elsewhere cannot use up a victim's budget;
 * - registrations have their own budget and never touch anyone's login budget.
 * Both need the parsed body (for the username), so they run after the JSON parser.
 */
export function createCredentialLimits(
  s: CredentialLimitSettings,
  logger: Logger,
  onRejected?: (name: string) => void,
): { login: RequestHandler[]; register: RequestHandler[] } {
  const failuresOnly = { skipSuccessfulRequests: true, onRejected } as const;
  return {
    login: [
      createLimiter({ name: 'failed logins per client', limit: s.failedLoginsPerClient, windowMs: s.windowMs, logger, keyGenerator: (req) => `login:${clientKey(req)}`, ...failuresOnly }),
      createLimiter({
        name: 'failed logins per username and client',
        limit: s.failedLoginsPerUsernameAndClient,
        windowMs: s.windowMs,
        logger,
        keyGenerator: (req) => `login:${clientKey(req)}:${usernameOf(req)}`,
        ...failuresOnly,
      }),
    ],
    register: [
      createLimiter({ name: 'registrations per client', limit: s.registrationsPerClient, windowMs: s.windowMs, logger, keyGenerator: (req) => `register:${clientKey(req)}`, onRejected }),
    ],
  };
}
