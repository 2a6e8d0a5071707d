import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useQuery, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { gatewayUrl } from '@/lib/api-client';
import { fetchGlobalStats, globalStatsSchema, STATS_STREAM_PATH, statsKeys, type GlobalStats } from './stats.api';

/** `live`: the SSE stream is open. `reconnecting`: it is not, and /stats is polled meanwhile. */
export type LiveStatus = 'connecting' | 'live' | 'reconnecting';

export const POLL_MS = 2000;

interface LiveStats {
  query: UseQueryResult<GlobalStats>;
  status: LiveStatus;
}

const LiveStatsContext = createContext<LiveStats | null>(null);

/**
 * One stats stream per tab, shared by every screen. Each pushed snapshot also marks the
 * person's own stats and the per-minute series stale, so they follow within one fetch.
 */
export function LiveStatsProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<LiveStatus>('connecting');

  const query = useQuery({
    queryKey: statsKeys.global,
    queryFn: ({ signal }) => fetchGlobalStats(signal),
    // While the stream is down the numbers must still move: poll every 2 s, the dashboard's promised delay.
    refetchInterval: status === 'live' ? false : POLL_MS,
    retry: false,
  });

  useEffect(() => {
    if (typeof EventSource === 'undefined') {
      setStatus('reconnecting');
      return;
    }
    let source: EventSource | null = null;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;

    const onSnapshot = (event: MessageEvent<string>) => {
      const parsed = globalStatsSchema.safeParse(safeJson(event.data));
      if (!parsed.success) return;
      queryClient.setQueryData(statsKeys.global, parsed.data);
      setStatus('live');
      void queryClient.invalidateQueries({ queryKey: statsKeys.own });
      void queryClient.invalidateQueries({ queryKey: statsKeys.perMinute });
    };

    const connect = () => {
      source = new EventSource(gatewayUrl(STATS_STREAM_PATH));
      source.onopen = () => setStatus('live');
      source.onmessage = onSnapshot;
      source.addEventListener('stats', onSnapshot);
      source.onerror = () => {
        setStatus('reconnecting');
        // The browser retries by itself unless the response was not a stream at all (CLOSED):
        // then we start over ourselves, and polling covers the gap.
        if (source?.readyState === EventSource.CLOSED && !stopped) {
          source.close();
          retryTimer = setTimeout(connect, POLL_MS);
        }
      };
    };
    connect();
    return () => {
      stopped = true;
      clearTimeout(retryTimer);
      source?.close();
    };
  }, [queryClient]);

  return <LiveStatsContext.Provider value={{ query, status }}>{children}</LiveStatsContext.Provider>;
}

export function useLiveStats(): LiveStats {
  const value = useContext(LiveStatsContext);
  if (!value) throw new Error('useLiveStats must be used inside <LiveStatsProvider>');
  return value;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
