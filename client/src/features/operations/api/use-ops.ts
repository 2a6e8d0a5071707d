import { useQuery } from '@tanstack/react-query';
import { fetchOpsSummary, opsKeys } from './ops.api';

/** The gateway caches the summary for 2 s, so polling faster would only repeat it. */
export const OPS_POLL_MS = 2000;

export function useOpsSummary() {
  return useQuery({
    queryKey: opsKeys.summary,
    queryFn: ({ signal }) => fetchOpsSummary(signal),
    refetchInterval: OPS_POLL_MS,
  });
}
