import type { z } from 'zod';
import { anyErrorBodySchema, type ErrorBody } from '@paymesh/contract/errors';
import { payAllResultSchema, transactionPageSchema, transactionSchema, type PayAllResult, type Transaction } from '@paymesh/contract/payment';
import { call as send } from '@paymesh/infra/testing';

/** Every 4xx body: the fields beyond error, code and request_id depend on the code. */
export interface ErrorJson extends ErrorBody {
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
  /** The contract's schema of a successful answer: every answer the tests see is checked against the contract. */
  schema?: z.ZodType;
}

/** A small client for the payment API as one user (or nobody, without a token). */
export function paymentApi(baseUrl: string, token?: string) {
  async function call<T>(method: string, path: string, options: CallOptions = {}): Promise<ApiResponse<T>> {
    const headers = { 'content-type': 'application/json', ...options.headers };
    const res = await send<T & ErrorJson>(`${baseUrl}${path}`, { method, headers, ...(token ? { token } : {}), body: options.rawBody ?? options.body });
    const body = res.body;
    // Any API answer that breaks the contract (an unknown error code, a missing field) fails the test that got it.
    if (options.schema && body !== undefined) (res.status >= 400 ? anyErrorBodySchema : options.schema).parse(body);
    return { status: res.status, body, headers: res.headers };
  }
  const keyed = (idempotencyKey?: string): Record<string, string> => (idempotencyKey === undefined ? {} : { 'idempotency-key': idempotencyKey });

  return {
    createTransaction: (body: unknown, idempotencyKey?: string) =>
      call<Transaction>('POST', '/transactions', { body, headers: keyed(idempotencyKey), schema: transactionSchema }),
    createRaw: (rawBody: string, headers: Record<string, string> = {}) =>
      call<Transaction>('POST', '/transactions', { rawBody, headers, schema: transactionSchema }),
    listTransactions: (query = '') => call<Transaction[]>('GET', `/transactions/list${query}`, { schema: transactionPageSchema }),
    payAll: (idempotencyKey?: string, body?: unknown) =>
      call<PayAllResult>('POST', '/transactions/pay', { body, headers: keyed(idempotencyKey), schema: payAllResultSchema }),
    get: (path: string, headers: Record<string, string> = {}) => call<unknown>('GET', path, { headers }),
  };
}

export type PaymentApi = ReturnType<typeof paymentApi>;
