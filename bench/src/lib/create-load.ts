import { fire, type LoadResult } from './load.js';

const CREATE_BODY = JSON.stringify({ amount: 0.01, description: 'bench' });

/**
 * Returns a run of autocannon POSTing creates of 0.01 through a gateway, each request carrying the
 * token of the next user in turn: many users, so no one user's lock or cap serialises the load.
 * The rotation carries on from one run to the next.
 */
export function createLoad(gatewayUrl: string, users: readonly { token: string }[], connections: number) {
  let next = 0;
  return (durationSec: number): Promise<LoadResult> =>
    fire({
      url: `${gatewayUrl}/payment/transactions`,
      method: 'POST',
      connections,
      durationSec,
      body: CREATE_BODY,
      setupRequest: (request) => {
        next += 1;
        const token = users[next % users.length]!.token;
        return { ...request, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` } };
      },
    });
}
