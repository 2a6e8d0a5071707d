import { formatAgo } from '@/lib/format';
import { useNow } from '@/lib/use-now';
import type { LiveStatus } from '../api/live-stats';

const labels: Record<LiveStatus, string> = { connecting: 'Connecting…', live: 'Live', reconnecting: 'Reconnecting…' };

/** How fresh the numbers are: whether the stream is up, and when the last event happened. */
export function Freshness({ status, lastEventTime }: { status: LiveStatus; lastEventTime: string | null }) {
  const now = useNow();
  const last = lastEventTime ? Date.parse(lastEventTime) : NaN;
  return (
    <div className="freshness">
      {/* Announced when it changes; the "s ago" beside it ticks every second and is not. */}
      <span className={`status-pill status-${status}`} data-testid="live-status" role="status">
        <span className="dot" aria-hidden="true" />
        {labels[status]}
      </span>
      <span className="muted">
        {Number.isNaN(last) ? 'No events yet' : <>Last event <time dateTime={lastEventTime ?? undefined}>{formatAgo(last, now)}</time></>}
        {status === 'reconnecting' && ' · refreshing every 2 s'}
      </span>
    </div>
  );
}
