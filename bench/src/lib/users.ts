import { registerUser, type RegisteredUser } from '@paymesh/infra/testing';

/**
 * `count` new users registered straight at auth-service (the gateway's register limit is not
 * what a benchmark measures), a few at a time so the hash pool stays busy but not flooded.
 */
export async function registerUsers(authUrl: string, count: number, prefix = 'bench'): Promise<RegisteredUser[]> {
  const users: RegisteredUser[] = [];
  const batch = 8;
  for (let i = 0; i < count; i += batch) {
    const size = Math.min(batch, count - i);
    users.push(...(await Promise.all(Array.from({ length: size }, () => registerUser(authUrl, { username: uniqueName(prefix) })))));
  }
  return users;
}

let sequence = 0;
function uniqueName(prefix: string): string {
  sequence += 1;
  return `${prefix}_${Date.now().toString(36)}_${sequence}`.slice(0, 32);
}
