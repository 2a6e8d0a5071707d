import { randomBytes } from 'node:crypto';
import pg from 'pg';

export interface Session {
  id: string;
  username: string;
  token: string;
}

export function uniqueUsername(prefix = 'u'): string {
  return `${prefix}_${randomBytes(6).toString('hex')}`;
}

export function buildCredentials(overrides: { username?: string; password?: string } = {}) {
  return { username: uniqueUsername(), password: 'correct-horse-battery', ...overrides };
}

/** Direct reads of the auth database, to check what the API stored (never to arrange shortcuts). */
export async function queryAuthDb<R extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<R[]> {
  const client = new pg.Client({ connectionString: process.env.AUTH_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<R>(text, values)).rows;
  } finally {
    await client.end();
  }
}

export function decodeJwt(token: string): { header: Record<string, unknown>; payload: Record<string, unknown> } {
  const [header, payload] = token.split('.');
  const parse = (part: string | undefined) => JSON.parse(Buffer.from(part ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
  return { header: parse(header), payload: parse(payload) };
}

export { waitFor } from '@paymesh/infra/testing';
