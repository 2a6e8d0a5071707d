import { call as send } from '@paymesh/infra/testing';

export interface TransactionJson {
  id: string;
  user_id: string;
  amount: number;
  description: string;
  is_paid: boolean;
  created_at: string;
}

export interface PayAllJson {
  message: string;
  transactions_paid: number;
  amount_paid: number;
}

/** Every 4xx body: the fields beyond error, code and request_id depend on the code. */
export interface ErrorJson {
  error: string;
  code: string;
  request_id: string;
  fields?: Array<{ field: string; code: string; message: string }>;
  current_total?: number;
  max_allowed?: number;
}

/** What a call answered; the body is typed as the success shape and the error shape at once, for terse asserts. */
export interface ApiResponse<T = unknown> {
  status: number;
  body: T & ErrorJson;
  headers: Headers;
}

interface CallOptions {
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
}

/** A small client for the payment API as one user (or nobody, without a token). */
export function paymentApi(baseUrl: string, token?: string) {
  async function call<T>(method: string, path: string, options: CallOptions = {}): Promise<ApiResponse<T>> {
    const headers = { 'content-type': 'application/json', ...options.headers };
    const res = await send<T & ErrorJson>(`${baseUrl}${path}`, { method, headers, ...(token ? { token } : {}), body: options.rawBody ?? options.body });
    return { status: res.status, body: res.body, headers: res.headers };
  }
  const keyed = (idempotencyKey?: string): Record<string, string> => (idempotencyKey === undefined ? {} : { 'idempotency-key': idempotencyKey });

  return {
    createTransaction: (body: unknown, idempotencyKey?: string) =>
      call<TransactionJson>('POST', '/transactions', { body, headers: keyed(idempotencyKey) }),
    createRaw: (rawBody: string, headers: Record<string, string> = {}) => call<TransactionJson>('POST', '/transactions', { rawBody, headers }),
    listTransactions: (query = '') => call<TransactionJson[]>('GET', `/transactions/list${query}`),
    payAll: (idempotencyKey?: string, body?: unknown) => call<PayAllJson>('POST', '/transactions/pay', { body, headers: keyed(idempotencyKey) }),
    get: (path: string, headers: Record<string, string> = {}) => call<unknown>('GET', path, { headers }),
  };
}

export type PaymentApi = ReturnType<typeof paymentApi>;
