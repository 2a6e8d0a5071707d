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
  instances?: { id: number; status: 'up' | 'down'; circuit: string; in_rotation: boolean }[];
  children?: ReactNode;
}

/** "2 of 3 in rotation", and which are not, so a dead instance shows while the service still serves. */
function InstancesStat({ name, instances }: { name: string; instances: NonNullable<ServiceCardProps['instances']> }) {
  const serving = instances.filter((i) => i.status === 'up' && i.in_rotation && i.circuit !== 'open');
  const out = instances.filter((i) => !serving.includes(i)).map((i) => `#${i.id} ${i.status === 'up' ? circuitLabels[i.circuit]?.toLowerCase() ?? i.circuit : 'down'}`);
  return (
    <StatCard label="Instances" testId={`${name}-instances`} value={`${serving.length} of ${instances.length} in rotation`}
      detail={out.length > 0 ? `out: ${out.join(', ')}` : 'all serving'} />
  );
}

/** One service: ready or not, its breaker at the gateway, and what it alone can tell. */
export function ServiceCard({ name, title, status, circuit, latencyMs, error, instances, children }: ServiceCardProps) {
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
        {instances && <InstancesStat name={name} instances={instances} />}
        {children}
      </dl>
    </section>
  );
}
