import { registerUser, sharedAuthService, type RegisteredUser } from '../../../infra/src/testing/auth-service.js';

/** A freshly registered user with a real token. */
export async function newUser(): Promise<RegisteredUser> {
  return registerUser((await sharedAuthService()).url);
}
