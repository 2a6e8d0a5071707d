import { useLiveStats } from '../api/live-stats';
import { Freshness } from './freshness';
import { GlobalStatsCards } from './global-stats';
import { OwnStatsCards } from './own-stats';
import { PerMinuteSection } from './per-minute-section';

export function DashboardPage() {
  const { query, status } = useLiveStats();
  const stats = query.data;

  return (
    <div className="stack">
      <title>Dashboard · paymesh</title>
      <header className="page-header">
        <div>
          <h1>Dashboard</h1>
          <p className="muted">Everything paymesh has seen, as it happens.</p>
        </div>
        <Freshness status={status} lastEventTime={stats?.last_event_time ?? null} />
      </header>

      <section className="card" aria-labelledby="everyone-title" aria-busy={query.isPending}>
        <h2 id="everyone-title">Everyone</h2>
        {stats ? (
          <>
            {stats.events_processed === 0 && (
              <p className="empty" role="status">No transactions yet. Create one and it shows up here within a second.</p>
            )}
            <GlobalStatsCards stats={stats} />
          </>
        ) : query.isError ? (
          <div className="inline-error" role="alert">
            <p>Couldn&apos;t load the stats: {query.error.message}</p>
            <p>Trying again every 2 seconds.</p>
            <button type="button" className="button" onClick={() => void query.refetch()}>Try again now</button>
          </div>
        ) : (
          <div role="status" className="skeleton-grid">
            <span className="visually-hidden">Loading stats…</span>
            {Array.from({ length: 5 }, (_, i) => <div key={i} className="skeleton" aria-hidden="true" />)}
          </div>
        )}
      </section>

      <section className="card" aria-labelledby="you-title">
        <h2 id="you-title">You</h2>
        <OwnStatsCards />
      </section>

      <section className="card" aria-labelledby="minute-title">
        <h2 id="minute-title">Last hour</h2>
        <PerMinuteSection />
      </section>
    </div>
  );
}
