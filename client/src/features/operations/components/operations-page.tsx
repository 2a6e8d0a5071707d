import { StatCard } from '@/components/stat-card';
import { formatCount } from '@/lib/format';
import type { OpsSummary } from '../api/ops.api';
import { useOpsSummary } from '../api/use-ops';
import { ServiceCard } from './service-card';
import './operations.css';

const unknown = 'Unknown';

/** The mesh at a glance: is every service ready, is any breaker open, is anything falling behind. */
export function OperationsPage() {
  const query = useOpsSummary();
  const ops = query.data;

  return (
    <div className="stack">
      <title>Operations · paymesh</title>
      <header className="page-header">
        <div>
          <h1>Operations</h1>
          <p className="muted">Each service as the gateway sees it, refreshed every 2 seconds.</p>
        </div>
        {ops && (
          <span className={`status-pill ${ops.status === 'ok' ? 'status-live' : 'status-reconnecting'}`} role="status" data-testid="mesh-status">
            {ops.status === 'ok' ? 'All services ready' : 'Degraded'}
          </span>
        )}
      </header>

      {!ops && query.isError && (
        <div className="inline-error" role="alert">
          <p>Couldn&apos;t reach the gateway: {query.error.message}</p>
          <p>Trying again every 2 seconds.</p>
        </div>
      )}
      {!ops && !query.isError && <p role="status" className="empty">Checking the services…</p>}

      {ops && (
        <div className="ops-grid">
          <ServiceCard name="auth" title="Auth" {...props(ops.services.auth)} />
          <ServiceCard name="payment" title="Payment" {...props(ops.services.payment)}>
            <StatCard label="Outbox backlog" testId="outbox-backlog"
              value={ops.services.payment.outbox ? formatCount(ops.services.payment.outbox.unsent) : unknown}
              detail={ops.services.payment.outbox && ops.services.payment.outbox.unsent > 0 ? `oldest ${ops.services.payment.outbox.oldest_unsent_age_s} s` : 'events waiting for Kafka'} />
          </ServiceCard>
          <ServiceCard name="analytics" title="Analytics" {...props(ops.services.analytics)}>
            <StatCard label="Consumer lag" testId="consumer-lag"
              value={ops.services.analytics.consumer ? formatCount(ops.services.analytics.consumer.lag) : unknown}
              detail={ops.services.analytics.consumer ? (ops.services.analytics.consumer.caught_up ? 'caught up' : 'catching up') : 'events not folded yet'} />
          </ServiceCard>
        </div>
      )}
    </div>
  );
}

type Service = OpsSummary['services']['auth'];

const props = (s: Service) => ({
  status: s.status,
  circuit: s.circuit,
  latencyMs: s.latency_ms,
  ...(s.error ? { error: s.error } : {}),
  ...(s.instances ? { instances: s.instances } : {}),
});
