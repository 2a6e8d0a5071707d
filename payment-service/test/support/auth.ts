import { registerUser, sharedAuthService, type RegisteredUser } from '@paymesh/infra/testing';

/** A freshly registered user with a real token. */
export async function newUser(): Promise<RegisteredUser> {
  return registerUser((await sharedAuthService()).url);
}
