import type { Request, Response } from 'express';
import CircuitBreaker from 'opossum';
import type { Logger } from '@paymesh/shared/logger';
import { createProxyExchange } from './proxy-exchange.js';
import { UpstreamError } from './upstream-errors.js';

export interface BreakerSettings {
  volumeThreshold: number;
  errorThresholdPercentage: number;
  rollingCountTimeout: number;
  resetTimeout: number;
}

export type CircuitState = 'closed' | 'open' | 'half_open';

/** One running copy of an upstream service: its own connections, its own breaker, its own health. */
export interface UpstreamInstance {
  url: string;
  /** host:port, the `instance` label on metrics and the name in /health. */
  label: string;
  /** Requests sent to it that have not had their response headers yet. */
  inFlight(): number;
  circuit(): CircuitState;
  /** Its breaker would let a request through now (closed, or half-open with the trial call free). */
  accepting(): boolean;
  /** What the last /ready probe said; true until a probe says otherwise. */
  healthy(): boolean;
  markHealthy(healthy: boolean): void;
  /**
   * Forwards through this instance's breaker; resolves once the response headers are in.
   * Rejects with an UpstreamError, or with an `EOPENBREAKER` error when nothing was sent.
   */
  send(req: Request, res: Response, timeoutMs: number): Promise<void>;
  close(): void;
}

export interface InstanceOptions {
  upstream: string;
  url: string;
  breaker: BreakerSettings;
  logger: Logger;
}

/**
 * The breaker counts only what says the instance cannot serve anyone (timeouts, refused or
 * reset connections, 502/503/504), never one request's 500: see UpstreamError.counts.
 * Each instance has its own, so one dead copy is shut off while the others keep serving.
 */
export function createUpstreamInstance(o: InstanceOptions): UpstreamInstance {
  const exchange = createProxyExchange(o.upstream, o.url);
  const label = new URL(o.url).host;
  const breaker = new CircuitBreaker((req: Request, res: Response, timeoutMs: number) => exchange.send(req, res, timeoutMs), {
    name: `${o.upstream}@${label}`,
    ...o.breaker,
    timeout: false, // the exchange has its own, which also aborts the upstream call
    // Percentiles and snapshots cost a sort and a timer we never read.
    rollingPercentilesEnabled: false,
    enableSnapshots: false,
    errorFilter: (err: unknown) => err instanceof UpstreamError && !err.counts,
  });
  const log = o.logger.child({ upstream: o.upstream, url: o.url });
  breaker.on('open', () => log.warn('circuit opened: answering without calling this instance'));
  breaker.on('halfOpen', () => log.info('circuit half-open: letting one request through'));
  breaker.on('close', () => log.info('circuit closed: the instance answers again'));
  let inFlight = 0;
  let healthy = true;

  return {
    url: o.url,
    label,
    inFlight: () => inFlight,
    circuit() {
      if (breaker.opened) return 'open';
      return breaker.halfOpen ? 'half_open' : 'closed';
    },
    accepting: () => breaker.closed || (breaker.halfOpen && breaker.pendingClose),
    healthy: () => healthy,
    markHealthy(next) {
      if (next !== healthy) log.info(next ? 'instance ready again: back in rotation' : 'instance not ready: taken out of rotation');
      healthy = next;
    },
    async send(req, res, timeoutMs) {
      inFlight++;
      try {
        await breaker.fire(req, res, timeoutMs);
      } finally {
        inFlight--;
      }
    },
    close() {
      breaker.shutdown();
      exchange.close();
    },
  };
}
