import type { z } from 'zod';
import { env } from '@/config/env';
import { ApiError, networkError, parseRetryAfter } from './api-error';

export { ApiError } from './api-error';

export interface RequestOptions<S extends z.ZodType> {
  method?: 'GET' | 'POST';
  body?: unknown;
  /** The response is parsed with this schema, so a contract drift fails here, loudly. */
  schema: S;
  /** Send the session's bearer token; a 401 then ends the session. */
  auth?: boolean;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export interface ApiResponse<T> {
  data: T;
  headers: Headers;
}

interface AuthHooks {
  getToken: () => string | null;
  /** Called once per 401 on an authenticated call: the token expired or was revoked. */
  onUnauthorized: () => void;
}

let authHooks: AuthHooks = { getToken: () => null, onUnauthorized: () => undefined };

/** The session lives in the auth feature; it plugs itself in here so imports flow one way. */
export function configureAuth(hooks: AuthHooks): void {
  authHooks = hooks;
}

/** A URL on the gateway, for the few callers that need one directly (the SSE stream). */
export const gatewayUrl = (path: string) => (/^https?:/.test(path) ? path : `${env.gatewayUrl}${path}`);

async function errorFrom(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  const code = typeof body.code === 'string' ? body.code : `HTTP_${response.status}`;
  const message = typeof body.error === 'string' ? body.error : response.statusText || 'Request failed';
  return new ApiError(response.status, code, message, body, parseRetryAfter(response.headers.get('Retry-After')));
}

export async function request<S extends z.ZodType>(path: string, options: RequestOptions<S>): Promise<ApiResponse<z.infer<S>>> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const token = options.auth ? authHooks.getToken() : null;
  if (token) headers.Authorization = `Bearer ${token}`;

  let response: Response;
  try {
    response = await fetch(gatewayUrl(path), {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw networkError();
  }

  if (!response.ok) {
    const error = await errorFrom(response);
    if (options.auth && response.status === 401) authHooks.onUnauthorized();
    throw error;
  }
  const json: unknown = response.status === 204 ? null : await response.json();
  return { data: options.schema.parse(json), headers: response.headers };
}
