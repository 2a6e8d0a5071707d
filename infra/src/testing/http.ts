export interface JsonResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
}

type Body = NonNullable<RequestInit['body']>;

export interface CallInit extends Omit<RequestInit, 'body' | 'headers'> {
  /** A plain value is sent as JSON; a string, bytes or a stream go as they are, for malformed-body tests. */
  body?: unknown;
  /** Sent as `Authorization: Bearer <token>`. */
  token?: string;
  headers?: RequestInit['headers'];
}

const isRaw = (body: unknown): body is Body =>
  typeof body === 'string' || body instanceof Uint8Array || body instanceof ArrayBuffer || body instanceof ReadableStream || body instanceof Blob || body instanceof URLSearchParams;

/**
 * One HTTP call with its body read as JSON (or `{ text }` when it is not JSON): what black-box
 * tests of an API need, whichever service they walk.
 */
export async function call<T = Record<string, unknown>>(url: string, init: CallInit = {}): Promise<JsonResponse<T>> {
  const { body, token, headers: given, ...rest } = init;
  const headers = new Headers(given);
  if (token) headers.set('authorization', `Bearer ${token}`);
  let payload: Body | undefined;
  if (body === undefined || body === null) payload = undefined;
  else payload = isRaw(body) ? body : JSON.stringify(body);
  // Text is taken to be JSON unless the test says otherwise; bytes and streams carry their own.
  if (typeof payload === 'string' && !headers.has('content-type')) headers.set('content-type', 'application/json');
  const res = await fetch(url, { method: payload === undefined ? 'GET' : 'POST', ...rest, headers, body: payload });
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = { text };
  }
  return { status: res.status, headers: res.headers, body: parsed as T };
}
