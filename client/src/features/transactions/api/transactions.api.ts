import { z } from 'zod';
import { request } from '@/lib/api-client';
import { parseNextLink } from '@/lib/api-error';

export const transactionSchema = z.object({
  id: z.string(),
  user_id: z.string(),
  amount: z.number(),
  description: z.string(),
  is_paid: z.boolean(),
  created_at: z.string(),
});
export type Transaction = z.infer<typeof transactionSchema>;

const payAllSchema = z.object({
  message: z.string(),
  transactions_paid: z.number(),
  amount_paid: z.number().default(0),
});
export type PayAllResult = z.infer<typeof payAllSchema>;

export interface TransactionPage {
  items: Transaction[];
  /** The cursor of the next (older) page, or null on the last one. */
  nextCursor: string | null;
}

export const PAGE_SIZE = 20;

export async function createTransaction(input: { amount: number; description: string }, idempotencyKey: string): Promise<Transaction> {
  const { data } = await request('/payment/transactions', {
    method: 'POST', body: input, auth: true, schema: transactionSchema, headers: { 'Idempotency-Key': idempotencyKey },
  });
  return data;
}

export async function listTransactions(cursor: string | null, signal?: AbortSignal): Promise<TransactionPage> {
  const query = new URLSearchParams({ limit: String(PAGE_SIZE) });
  if (cursor) query.set('cursor', cursor);
  const { data, headers } = await request(`/payment/transactions/list?${query}`, {
    auth: true, schema: z.array(transactionSchema), signal,
  });
  return { items: data, nextCursor: cursorOf(parseNextLink(headers.get('Link'))) };
}

export async function payAll(idempotencyKey: string): Promise<PayAllResult> {
  const { data } = await request('/payment/transactions/pay', {
    method: 'POST', auth: true, schema: payAllSchema, headers: { 'Idempotency-Key': idempotencyKey },
  });
  return data;
}

// The Link target is written by payment-service, which may not know the gateway's /payment
// prefix: keep only its cursor and build the URL ourselves.
function cursorOf(link: string | null): string | null {
  if (!link) return null;
  return new URL(link, 'http://link.invalid').searchParams.get('cursor');
}
