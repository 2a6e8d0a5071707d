import { collectDefaultMetrics, Registry } from 'prom-client';

/**
 * A registry of this service instance's own, with Node's default metrics (CPU, memory, event
 * loop lag, GC) registered on it. Never prom-client's global one: two instances started in one
 * process (as the tests do) would otherwise register the same names twice, or share counts.
 */
export function createMetricsRegistry(): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return registry;
}
