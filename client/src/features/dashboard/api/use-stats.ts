import { useQuery } from '@tanstack/react-query';
import { fetchOwnStats, fetchPerMinute, statsKeys } from './stats.api';
import { POLL_MS, useLiveStats } from './live-stats';

/** The signed-in person's totals; pushed along by the stream, polled while it is down. */
export function useOwnStats() {
  const { status } = useLiveStats();
  return useQuery({
    queryKey: statsKeys.own,
    queryFn: ({ signal }) => fetchOwnStats(signal),
    refetchInterval: status === 'live' ? false : POLL_MS,
  });
}

export function usePerMinute() {
  const { status } = useLiveStats();
  return useQuery({
    queryKey: statsKeys.perMinute,
    queryFn: ({ signal }) => fetchPerMinute(signal),
    // The current minute's bar moves with every event; a minute boundary needs a refresh too.
    refetchInterval: status === 'live' ? 30_000 : POLL_MS,
  });
}
