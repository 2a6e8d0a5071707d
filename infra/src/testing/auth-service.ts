import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { dataDir } from '../paths.js';
import { spawnService } from '../processes/spawn-service.js';
import { freePort } from '../wait-for.js';

export interface RunningAuthService {
  url: string;
  jwksUrl: string;
  stop(): Promise<void>;
}

export interface RegisteredUser {
  id: string;
  username: string;
  token: string;
  password: string;
}

/**
 * The real auth-service as a child process on a free port, for other services' tests that
 * need real users and real tokens. bcrypt runs at cost 4 on one thread here: tests need speed, not strength.
 */
export async function startAuthService(env: Record<string, string> = {}): Promise<RunningAuthService> {
  const databaseUrl = process.env.AUTH_DATABASE_URL;
  if (!databaseUrl) throw new Error('AUTH_DATABASE_URL is not set: is infra/src/testing/mocha-global.ts required by .mocharc.json?');
  const port = await freePort();
  const service = await spawnService({
    name: 'auth-service',
    port,
    env: {
      AUTH_DATABASE_URL: databaseUrl,
      AUTH_BCRYPT_COST: '4',
      AUTH_HASH_WORKERS: '1',
      LOG_LEVEL: 'info',
      // Every test registers from 127.0.0.1: the service's own login limits would only get in the way.
      RATE_LIMIT_LOGIN_PER_IP: '0',
      RATE_LIMIT_LOGIN_PER_USERNAME: '0',
      RATE_LIMIT_REGISTER_PER_IP: '0',
      ...env,
    },
    logFile: path.join(dataDir, 'logs', `test-auth-service-${port}.log`),
  });
  return { url: service.url, jwksUrl: `${service.url}/.well-known/jwks.json`, stop: () => service.stop() };
}

/** A unique, valid username: safe to register from any test without colliding with another. */
export function uniqueUsername(prefix = 'user'): string {
  return `${prefix}_${randomBytes(6).toString('hex')}`.slice(0, 32);
}

/** Registers a new user through the real API and returns it with its token and password. */
export async function registerUser(
  authUrl: string,
  overrides: { username?: string; password?: string } = {},
): Promise<RegisteredUser> {
  const username = overrides.username ?? uniqueUsername();
  const password = overrides.password ?? 'correct-horse-battery';
  const res = await fetch(`${authUrl}/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 201) throw new Error(`registering ${username} failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { id: string; username: string; token: string };
  return { ...body, password };
}

// Kept on globalThis, not in a module variable: a suite can load this module twice (once through
// the loader hooks that OpenTelemetry's instrumentation registers for its tracing tests, once
// without), and two copies would each start an auth-service, of which the root hook stops one.
const SHARED = Symbol.for('paymesh.testing.sharedAuthService');
const holder = globalThis as { [SHARED]?: Promise<RunningAuthService> };

/**
 * One real auth-service for a whole test run: it is a child process, and starting one per
 * file would cost seconds each. Stop it once with stopSharedAuthService from a root hook.
 */
export function sharedAuthService(): Promise<RunningAuthService> {
  holder[SHARED] ??= startAuthService();
  return holder[SHARED];
}

export async function stopSharedAuthService(): Promise<void> {
  const running = holder[SHARED];
  delete holder[SHARED];
  await (await running)?.stop();
}
