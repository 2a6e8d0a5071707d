import type { z } from 'zod';
import { jwksSchema, profileSchema, sessionSchema } from '@paymesh/contract/auth';
import { anyErrorBodySchema } from '@paymesh/contract/errors';

export interface JsonResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
}

/** The contract's shape of each route's success, so every answer the tests see also proves the contract. */
const SUCCESS: Array<[RegExp, z.ZodType]> = [
  [/\/(register|login)$/, sessionSchema],
  [/\/me$/, profileSchema],
  [/\/\.well-known\/jwks\.json$/, jwksSchema],
];

function checkAgainstContract(url: string, status: number, body: unknown) {
  const route = SUCCESS.find(([path]) => path.test(new URL(url).pathname));
  if (!route || body === undefined) return;
  (status >= 400 ? anyErrorBodySchema : route[1]).parse(body);
}

/** One HTTP call, its JSON body parsed: enough for black-box tests of the API. */
export async function call<T = Record<string, unknown>>(
  url: string,
  init: { method?: string; body?: unknown; token?: string; headers?: Record<string, string> } = {},
): Promise<JsonResponse<T>> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.body !== undefined) headers['content-type'] ??= 'application/json';
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  const res = await fetch(url, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers,
    body: init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body),
  });
  const text = await res.text();
  const body = (text ? JSON.parse(text) : undefined) as T;
  checkAgainstContract(url, res.status, body);
  return { status: res.status, headers: res.headers, body };
}
