import { sessionSchema, type Credentials, type Session } from '@paymesh/contract/auth';
import { request } from '@/lib/api-client';

export { sessionSchema };
export type { Credentials, Session };

export async function register(credentials: Credentials): Promise<Session> {
  const { data } = await request('/auth/register', { method: 'POST', body: credentials, schema: sessionSchema });
  return data;
}

export async function login(credentials: Credentials): Promise<Session> {
  const { data } = await request('/auth/login', { method: 'POST', body: credentials, schema: sessionSchema });
  return data;
}
