import type { ReactNode } from 'react';
import { StatCard } from '@/components/stat-card';

const circuitLabels: Record<string, string> = { closed: 'Closed', half_open: 'Half-open', open: 'Open' };

interface ServiceCardProps {
  name: string;
  title: string;
  status: 'up' | 'down';
  circuit: string;
  latencyMs: number;
  error?: string;
  children?: ReactNode;
}

/** One service: ready or not, its breaker at the gateway, and what it alone can tell. */
export function ServiceCard({ name, title, status, circuit, latencyMs, error, children }: ServiceCardProps) {
  return (
    <section className="card" aria-labelledby={`${name}-title`} data-testid={`service-${name}`}>
      <header className="ops-service-header">
        <h2 id={`${name}-title`}>{title}</h2>
        <span className={`badge ${status === 'up' ? 'badge-up' : 'badge-down'}`} data-testid={`${name}-status`}>
          {status === 'up' ? 'Ready' : 'Down'}
        </span>
      </header>
      {error && <p className="notice">{error}</p>}
      <dl className="stat-grid">
        <StatCard label="Circuit breaker" value={circuitLabels[circuit] ?? circuit} testId={`${name}-circuit`} />
        <StatCard label="Readiness check" value={`${Math.round(latencyMs)} ms`} />
        {children}
      </dl>
    </section>
  );
}
