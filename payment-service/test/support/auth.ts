import { registerUser, startAuthService, type RegisteredUser, type RunningAuthService } from '../../../infra/src/testing/auth-service.js';

/**
 * One real auth-service for the whole run (it is a child process; starting one per file would
 * cost seconds each), stopped by the root hook in root-hooks.ts.
 */
let auth: Promise<RunningAuthService> | undefined;

export function sharedAuthService(): Promise<RunningAuthService> {
  auth ??= startAuthService();
  return auth;
}

export async function stopSharedAuthService(): Promise<void> {
  const running = auth;
  auth = undefined;
  await (await running)?.stop();
}

/** A freshly registered user with a real token. */
export async function newUser(): Promise<RegisteredUser> {
  return registerUser((await sharedAuthService()).url);
}
