import { randomUUID } from 'node:crypto';

/** Registers a fresh user through the gateway and returns its token, for schemathesis's Authorization header. */
export async function registerCheckUser(gatewayUrl: string): Promise<string> {
  const res = await fetch(new URL('/auth/register', gatewayUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: `contract_${randomUUID().slice(0, 8)}`, password: 'contract check battery' }),
  });
  const body = (await res.json()) as { token?: string };
  if (res.status !== 201 || !body.token) throw new Error(`registering the check's user answered ${res.status}: ${JSON.stringify(body)}`);
  return body.token;
}
