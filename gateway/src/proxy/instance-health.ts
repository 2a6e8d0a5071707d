import type { UpstreamInstance } from './upstream-instance.js';

export interface InstanceHealthOptions {
  intervalMs: number;
  /** Longest wait for one probe; capped at the interval so probes never pile up. */
  timeoutMs: number;
}

/**
 * Asks each instance's `/ready` every `intervalMs`, off the request path, and marks it in or out
 * of rotation. The breaker only learns that an instance died from requests that failed on it;
 * the probe also learns when an instance is up but cannot serve (its database is away, its
 * consumer is still catching up), and when a dead one is ready again. A probe still running
 * when the next is due is not doubled. Only worth running with more than one instance: with
 * one, there is nothing to route around.
 */
export function watchInstanceHealth(instances: readonly UpstreamInstance[], o: InstanceHealthOptions): { stop(): void } {
  const timeoutMs = Math.min(o.timeoutMs, o.intervalMs);
  const running = new Set<UpstreamInstance>();

  const probe = async (instance: UpstreamInstance) => {
    running.add(instance);
    try {
      const res = await fetch(new URL('/ready', instance.url), { signal: AbortSignal.timeout(timeoutMs) });
      await res.body?.cancel();
      instance.markHealthy(res.ok);
    } catch {
      instance.markHealthy(false);
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
