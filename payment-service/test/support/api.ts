export interface ApiResponse {
  status: number;
  // Tests assert on the JSON freely; the service's types are what is under test.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  headers: Headers;
}

interface CallOptions {
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
}

/** A small client for the payment API as one user (or nobody, without a token). */
export function paymentApi(baseUrl: string, token?: string) {
  async function call(method: string, path: string, options: CallOptions = {}): Promise<ApiResponse> {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...options.headers,
      },
      body: options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
  }
  const keyed = (idempotencyKey?: string) => (idempotencyKey ? { 'idempotency-key': idempotencyKey } : {});

  return {
    createTransaction: (body: unknown, idempotencyKey?: string) =>
      call('POST', '/transactions', { body, headers: keyed(idempotencyKey) }),
    createRaw: (rawBody: string, headers: Record<string, string> = {}) => call('POST', '/transactions', { rawBody, headers }),
    listTransactions: (query = '') => call('GET', `/transactions/list${query}`),
    payAll: (idempotencyKey?: string, body?: unknown) => call('POST', '/transactions/pay', { body, headers: keyed(idempotencyKey) }),
    get: (path: string) => call('GET', path),
  };
}

export type PaymentApi = ReturnType<typeof paymentApi>;
