import { errors } from '@paymesh/contract/errors';
import type { ClientOptions } from './retrying-client.js';
import { sendWithRetries } from './retrying-client.js';

export interface User {
  id: string;
  username: string;
  token: string;
}

const PASSWORD = 'chaos monkey battery';

/**
 * Registers a user through the gateway, retrying through faults. A register whose answer
 * was lost may have happened: then the name is taken by us, and a login gets the token.
 */
export async function registerUser(username: string, client: ClientOptions): Promise<User> {
  const credentials = { username, password: PASSWORD };
  for (const path of ['/auth/register', '/auth/login']) {
    const attempts = await sendWithRetries({ method: 'POST', path, body: credentials }, { ...client, keepBody: true });
    const last = attempts.at(-1)!;
    if (last.status === 200 || last.status === 201) {
      const body = last.body as { id: string; token: string };
      return { id: body.id, username, token: body.token };
    }
    const code = (last.body as { code?: string } | undefined)?.code;
    if (code !== errors.USERNAME_TAKEN.code) throw new Error(`${path} for ${username} ended with ${last.status ?? last.error}: ${JSON.stringify(last.body)}`);
  }
  throw new Error(`could not register or log in ${username}`);
}
