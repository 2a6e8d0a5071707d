import { z } from 'zod';
import { request } from '@/lib/api-client';

export const sessionSchema = z.object({ id: z.string(), username: z.string(), token: z.string() });
export type Session = z.infer<typeof sessionSchema>;

export interface Credentials {
  username: string;
  password: string;
}

export async function register(credentials: Credentials): Promise<Session> {
  const { data } = await request('/auth/register', { method: 'POST', body: credentials, schema: sessionSchema });
  return data;
}

export async function login(credentials: Credentials): Promise<Session> {
  const { data } = await request('/auth/login', { method: 'POST', body: credentials, schema: sessionSchema });
  return data;
}
