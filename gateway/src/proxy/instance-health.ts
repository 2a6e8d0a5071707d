import type { UpstreamInstance } from './upstream-instance.js';

export interface InstanceHealthOptions {
  intervalMs: number;
  /** Longest wait for one probe. */
  timeoutMs: number;
}

/**
 * Failed probes in a row that take an instance out. One slow answer on a busy machine is not a
 * dead instance, and taking a healthy one out doubles the load on the rest; one success brings
 * it back, since its breaker still guards the first requests it gets.
 */
const FAILURES_TO_TAKE_OUT = 2;

/**
 * Asks each instance's `/ready` every `intervalMs`, off the request path, and marks it in or out
 * of rotation. The breaker only learns that an instance died from requests that failed on it;
 * the probe also learns when an instance is up but cannot serve (its database is away, its
 * consumer is still catching up), and when a dead one is ready again. A probe still running
 * when the next is due is not doubled. Only worth running with more than one instance: with
 * one, there is nothing to route around.
 */
export function watchInstanceHealth(instances: readonly UpstreamInstance[], o: InstanceHealthOptions): { stop(): void } {
  const running = new Set<UpstreamInstance>();
  const failures = new Map<UpstreamInstance, number>();

  const record = (instance: UpstreamInstance, ok: boolean) => {
    const failed = ok ? 0 : (failures.get(instance) ?? 0) + 1;
    failures.set(instance, failed);
    if (ok) instance.markHealthy(true);
    else if (failed >= FAILURES_TO_TAKE_OUT) instance.markHealthy(false);
  };

  const probe = async (instance: UpstreamInstance) => {
    running.add(instance);
    try {
      const res = await fetch(new URL('/ready', instance.url), { signal: AbortSignal.timeout(o.timeoutMs) });
      await res.body?.cancel();
      record(instance, res.ok);
    } catch {
      record(instance, false);
    } finally {
      running.delete(instance);
    }
  };

  const round = () => {
    for (const instance of instances) if (!running.has(instance)) void probe(instance);
  };
  round();
  const timer = setInterval(round, o.intervalMs);
  // Probes must never keep a stopping gateway alive.
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
    },
  };
}
