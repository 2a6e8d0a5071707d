import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createTransaction, fetchPaymentLimits, listTransactions, payAll } from './transactions.api';

export const transactionKeys = { list: ['transactions', 'list'] as const, limits: ['payment', 'limits'] as const };
/** Own stats live in the dashboard feature's cache; a write here makes them stale. */
const ownStatsKey = ['stats', 'me'] as const;

export function useTransactionList() {
  return useInfiniteQuery({
    queryKey: transactionKeys.list,
    queryFn: ({ pageParam, signal }) => listTransactions(pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** The cap as the server has it; it changes only with the server's configuration, so it is read rarely. */
export function usePaymentLimits() {
  return useQuery({ queryKey: transactionKeys.limits, queryFn: ({ signal }) => fetchPaymentLimits(signal), staleTime: 5 * 60_000 });
}

function useRefreshAfterWrite() {
  const queryClient = useQueryClient();
  return () => Promise.all([
    queryClient.invalidateQueries({ queryKey: transactionKeys.list }),
    queryClient.invalidateQueries({ queryKey: ownStatsKey }),
  ]);
}

export function useCreateTransaction() {
  const refresh = useRefreshAfterWrite();
  return useMutation({
    mutationFn: ({ input, idempotencyKey }: { input: { amount: number; description: string }; idempotencyKey: string }) =>
      createTransaction(input, idempotencyKey),
    // Not awaited: the person hears back at once; the list and totals follow a moment later.
    onSuccess: () => void refresh(),
  });
}

export function usePayAll() {
  const refresh = useRefreshAfterWrite();
  return useMutation({ mutationFn: (idempotencyKey: string) => payAll(idempotencyKey), onSuccess: () => void refresh() });
}
