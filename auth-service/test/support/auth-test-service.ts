import { createLogger } from '@paymesh/shared/logger';
import { loadAuthConfig, type AuthConfig } from '../../src/config.js';
import type { RunningService } from '@paymesh/shared/http';
import { startService } from '../../src/service.js';

export type AuthEnv = Partial<Record<keyof AuthConfig, string>>;

/**
 * The auth-service in this process on port 0. Test defaults: cheap bcrypt, one hash thread (each costs ~150 ms to start),
 * and a fast key refresh so rotation tests wait well under a second or two.
 */
export async function startAuth(env: AuthEnv = {}): Promise<RunningService & { jwksUrl: string }> {
  const config = loadAuthConfig({
    ...process.env,
    PORT: '0',
    AUTH_BCRYPT_COST: '4',
    AUTH_HASH_WORKERS: '1',
    AUTH_KEY_REFRESH_SECONDS: '0.25',
    // Every test client is 127.0.0.1: the login limits are off unless a test turns them on.
    RATE_LIMIT_LOGIN_PER_IP: '0',
    RATE_LIMIT_LOGIN_PER_USERNAME: '0',
    RATE_LIMIT_REGISTER_PER_IP: '0',
    ...env,
  });
  const service = await startService(config, createLogger('auth-service-test', 'silent'));
  return { ...service, jwksUrl: `${service.url}/.well-known/jwks.json` };
}
