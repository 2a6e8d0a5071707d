import {
  payAllResultSchema,
  paymentLimitsSchema,
  transactionPageSchema,
  transactionSchema,
  type CreateTransactionRequest,
  type PayAllResult,
  type PaymentLimits,
  type Transaction,
} from '@paymesh/contract/payment';
import { request } from '@/lib/api-client';
import { parseNextLink } from '@/lib/api-error';

export type { PayAllResult, Transaction };

export interface TransactionPage {
  items: Transaction[];
  /** The cursor of the next (older) page, or null on the last one. */
  nextCursor: string | null;
}

export const PAGE_SIZE = 20;

export async function createTransaction(input: CreateTransactionRequest, idempotencyKey: string): Promise<Transaction> {
  const { data } = await request('/payment/transactions', {
    method: 'POST', body: input, auth: true, schema: transactionSchema, headers: { 'Idempotency-Key': idempotencyKey },
  });
  return data;
}

export async function listTransactions(cursor: string | null, signal?: AbortSignal): Promise<TransactionPage> {
  const query = new URLSearchParams({ limit: String(PAGE_SIZE) });
  if (cursor) query.set('cursor', cursor);
  const { data, headers } = await request(`/payment/transactions/list?${query}`, {
    auth: true, schema: transactionPageSchema, signal,
  });
  return { items: data, nextCursor: cursorOf(parseNextLink(headers.get('Link'))) };
}

export async function payAll(idempotencyKey: string): Promise<PayAllResult> {
  const { data } = await request('/payment/transactions/pay', {
    method: 'POST', auth: true, schema: payAllResultSchema, headers: { 'Idempotency-Key': idempotencyKey },
  });
  return data;
}

/** The server's configured limits (the cap): the form validates against these, never a copy. */
export async function fetchPaymentLimits(signal?: AbortSignal): Promise<PaymentLimits> {
  return (await request('/payment/limits', { auth: true, schema: paymentLimitsSchema, signal })).data;
}

// The Link target is written by payment-service, which may not know the gateway's /payment
// prefix: keep only its cursor and build the URL ourselves.
function cursorOf(link: string | null): string | null {
  if (!link) return null;
  return new URL(link, 'http://link.invalid').searchParams.get('cursor');
}
