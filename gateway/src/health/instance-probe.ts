import type { Upstream, UpstreamInstance } from '../proxy/upstream.js';

export interface InstanceHealth {
  status: 'up' | 'down';
  latency_ms: number;
  circuit: string;
  error?: string;
}

export interface ServiceHealth extends InstanceHealth {
  /**
   * With several instances, each one in configuration order (`id` 1, 2, …): public answers
   * name no internal addresses. Left out with a single instance, where it would repeat the service.
   */
  instances?: (InstanceHealth & { id: number; in_rotation: boolean })[];
}

/** One instance's readiness asked directly, not through its breaker, so a probe neither trips nor is blocked by it. */
async function probeInstance(instance: UpstreamInstance, timeoutMs: number): Promise<InstanceHealth> {
  const started = performance.now();
  const latency = () => Math.round((performance.now() - started) * 10) / 10;
  try {
    const res = await fetch(new URL('/ready', instance.url), { signal: AbortSignal.timeout(timeoutMs) });
    await res.body?.cancel();
    const status = res.ok ? 'up' : 'down';
    return { status, latency_ms: latency(), circuit: instance.circuit(), ...(res.ok ? {} : { error: `ready answered ${res.status}` }) };
  } catch (err) {
    const error = (err as Error).name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : 'unreachable';
    return { status: 'down', latency_ms: latency(), circuit: instance.circuit(), error };
  }
}

/**
 * A service is up while any of its instances is ready: the gateway routes around the others.
 * Its latency is the fastest ready instance's, its circuit the best of its breakers.
 */
export async function probe(upstream: Upstream, timeoutMs: number): Promise<ServiceHealth> {
  const results = await Promise.all(upstream.instances.map((instance) => probeInstance(instance, timeoutMs)));
  if (results.length === 1) return results[0]!;
  const up = results.filter((result) => result.status === 'up');
  const summary: InstanceHealth = up.length > 0
    ? { status: 'up', latency_ms: Math.min(...up.map((result) => result.latency_ms)), circuit: upstream.circuit() }
    : { status: 'down', latency_ms: Math.max(...results.map((result) => result.latency_ms)), circuit: upstream.circuit(), error: 'no instance is ready' };
  // in_rotation: the gateway's own periodic probe still sends it requests (this probe is a fresh one).
  const instances = results.map((result, i) => ({ id: i + 1, ...result, in_rotation: upstream.instances[i]!.healthy() }));
  return { ...summary, instances };
}
