import { vi } from 'vitest';
import { errorBody, errors } from '@paymesh/contract/errors';

export interface FakeCall {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: unknown;
}

type Reply = Response | Promise<Response> | (() => Response | Promise<Response>);

export const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

/** A promise that never settles, for "still loading" states. */
export const never = () => new Promise<Response>(() => undefined);

/**
 * Replaces fetch with a table of `"METHOD /path"` → reply (a queue when an array: each call
 * takes the next, the last one repeats). Records every call so a test can assert what was sent.
 */
export function fakeGateway(routes: Record<string, Reply | Reply[]>) {
  const calls: FakeCall[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const method = init.method ?? 'GET';
    const headers = Object.fromEntries(Object.entries((init.headers ?? {}) as Record<string, string>).map(([k, v]) => [k.toLowerCase(), v]));
    calls.push({ method, path: url.pathname + url.search, headers, body: init.body ? JSON.parse(init.body as string) as unknown : undefined });
    const route = routes[`${method} ${url.pathname}`];
    if (!route) return json(404, errorBody({ ...errors.NOT_FOUND, message: `no fake for ${method} ${url.pathname}` }, 'fake'));
    const reply = Array.isArray(route) ? (route.length > 1 ? route.shift()! : route[0]!) : route;
    if (typeof reply === 'function') return reply();
    // A body reads once: hand out copies so a route answers every poll and refetch alike.
    return reply instanceof Response ? reply.clone() : reply;
  });
  vi.stubGlobal('fetch', fetchMock);
  return { calls, callsTo: (method: string, path: string) => calls.filter((c) => c.method === method && c.path.split('?')[0] === path) };
}
