import type { UpstreamInstance } from './upstream-instance.js';

export type BalancePolicy = 'least_in_flight' | 'round_robin';

export interface InstancePicker {
  /**
   * The instances to try for one request, best first. Only those whose breaker would let a
   * request through; healthy ones before unhealthy ones.
   */
  candidates(): UpstreamInstance[];
}

/**
 * Chooses among the instances of one upstream. Each call starts one place further round the
 * list, so equal instances take turns; `least_in_flight` then moves the least busy to the front,
 * which steers requests away from an instance that has slowed down.
 *
 * When no instance passes its readiness probe, every instance with a closed breaker is still
 * tried rather than none ("panic mode", as in Envoy): a probe can fail for a reason shared by
 * all (the database is away) and then the instance's own answer, such as 503
 * DATABASE_UNAVAILABLE with its Retry-After, tells the client more than a blanket refusal.
 * Only when every breaker is open does the caller get the gateway's 503 UPSTREAM_UNAVAILABLE.
 */
export function createInstancePicker(instances: readonly UpstreamInstance[], policy: BalancePolicy): InstancePicker {
  let turn = 0;
  return {
    candidates() {
      // The common deployment: nothing to choose, so nothing to allocate or sort.
      if (instances.length === 1) return instances[0]!.accepting() ? [instances[0]!] : [];
      const start = turn;
      turn = (turn + 1) % instances.length;
      const ordered: UpstreamInstance[] = [];
      for (let i = 0; i < instances.length; i++) {
        const instance = instances[(start + i) % instances.length]!;
        if (instance.accepting()) ordered.push(instance);
      }
      // Array.prototype.sort is stable, so equal instances keep their turn order.
      if (policy === 'least_in_flight') ordered.sort((a, b) => a.inFlight() - b.inFlight());
      const healthy = ordered.filter((instance) => instance.healthy());
      if (healthy.length === 0) return ordered;
      return healthy.concat(ordered.filter((instance) => !instance.healthy()));
    },
  };
}
