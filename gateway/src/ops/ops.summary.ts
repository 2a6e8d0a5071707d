import { probe, type ServiceHealth } from '../health/instance-probe.js';
import type { Upstream } from '../proxy/upstream.js';

export interface OpsSummary {
  status: 'ok' | 'degraded';
  checked_at: string;
  services: {
    auth: ServiceHealth;
    payment: ServiceHealth & { outbox?: { unsent: number; oldest_unsent_age_s: number } };
    analytics: ServiceHealth & { consumer?: { lag: number; caught_up: boolean } };
  };
}

async function readJson(url: URL, timeoutMs: number): Promise<Record<string, unknown> | undefined> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    if (!res.ok) {
      await res.body?.cancel();
      return undefined;
    }
    return (await res.json()) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/**
 * The mesh at a glance for people: each service's readiness and breaker, plus how far behind
 * the outbox relay and the analytics consumer are. Only counts and states, nothing about anyone.
 * A figure that cannot be read is left out rather than shown as 0.
 */
export async function readOpsSummary(upstreams: { auth: Upstream; payment: Upstream; analytics: Upstream }, timeoutMs: number): Promise<OpsSummary> {
  const [auth, payment, analytics, outbox, stats] = await Promise.all([
    probe(upstreams.auth, timeoutMs),
    probe(upstreams.payment, timeoutMs),
    probe(upstreams.analytics, timeoutMs),
    // The backlog is one table every instance reads; the stats are the picked instance's fold.
    readJson(new URL('/ops/outbox', upstreams.payment.pickUrl()), timeoutMs),
    readJson(new URL('/stats', upstreams.analytics.pickUrl()), timeoutMs),
  ]);
  const healthy = [auth, payment, analytics].every((s) => s.status === 'up');
  return {
    status: healthy ? 'ok' : 'degraded',
    checked_at: new Date().toISOString(),
    services: {
      auth,
      payment: outbox ? { ...payment, outbox: { unsent: Number(outbox.unsent), oldest_unsent_age_s: Number(outbox.oldest_unsent_age_s) } } : payment,
      analytics: stats ? { ...analytics, consumer: { lag: Number(stats.consumer_lag), caught_up: stats.caught_up === true } } : analytics,
    },
  };
}
