import { Counter, Gauge, Histogram, LATENCY_BUCKETS, type Registry } from '@paymesh/shared/metrics';
import type { CircuitState, Upstream } from '../proxy/upstream.js';

const STATES: readonly CircuitState[] = ['closed', 'half_open', 'open'];

export interface GatewayMetrics {
  upstreamLatency: Histogram<'upstream' | 'instance' | 'status_class'>;
  openStreams: Gauge<'upstream'>;
  /** Called where a limiter answers 429, with the rule's name. */
  rateLimited: (rule: string) => void;
}

/**
 * The edge's own signals: breaker state per upstream instance (one series per state, 1 for the
 * current one, so a dashboard can colour it), upstream latency per instance, 429s per rule and
 * open streams. `instance` is host:port from the configured list, so its values stay bounded.
 */
export function createGatewayMetrics(registry: Registry, upstreams: readonly Upstream[]): GatewayMetrics {
  new Gauge({
    name: 'gateway_circuit_state',
    help: 'Circuit breaker state per upstream instance: 1 for the current state, 0 for the others',
    labelNames: ['upstream', 'instance', 'state'] as const,
    registers: [registry],
    collect() {
      for (const upstream of upstreams) {
        for (const instance of upstream.instances) {
          const current = instance.circuit();
          for (const state of STATES) this.set({ upstream: upstream.name, instance: instance.label, state }, state === current ? 1 : 0);
        }
      }
    },
  });
  const rejections = new Counter({
    name: 'gateway_rate_limited_total',
    help: 'Requests refused with 429, by rate-limit rule',
    labelNames: ['rule'] as const,
    registers: [registry],
  });
  return {
    upstreamLatency: new Histogram({
      name: 'gateway_upstream_duration_seconds',
      help: 'Time from forwarding a request to an upstream instance until its response headers arrive',
      labelNames: ['upstream', 'instance', 'status_class'] as const,
      buckets: LATENCY_BUCKETS,
      registers: [registry],
    }),
    openStreams: new Gauge({
      name: 'gateway_open_streams',
      help: 'Server-sent event streams currently proxied, per upstream',
      labelNames: ['upstream'] as const,
      registers: [registry],
    }),
    rateLimited: (rule) => rejections.inc({ rule }),
  };
}
