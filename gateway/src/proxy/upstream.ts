import type { Request, RequestHandler, Response } from 'express';
import CircuitBreaker from 'opossum';
import { errors } from '@paymesh/contract/errors';
import type { Logger } from '@paymesh/shared/logger';
import { createProxyExchange } from './proxy-exchange.js';
import { sendUpstreamError, UpstreamError } from './upstream-errors.js';

export interface BreakerSettings {
  volumeThreshold: number;
  errorThresholdPercentage: number;
  rollingCountTimeout: number;
  resetTimeout: number;
}

export type CircuitState = 'closed' | 'open' | 'half_open';

export interface Upstream {
  name: string;
  url: string;
  /** Forwards to this upstream, with `timeoutMs` to get its answer started. */
  forward(timeoutMs: number): RequestHandler;
  circuit(): CircuitState;
  close(): void;
}

export interface UpstreamOptions {
  name: string;
  url: string;
  breaker: BreakerSettings;
  logger: Logger;
}

/**
 * One upstream service behind a circuit breaker: after repeated failures it stops sending
 * (answering 503 at once instead of making clients wait on a dead service), lets one request
 * through after `resetTimeout`, and closes again when that one succeeds.
 */
export function createUpstream(o: UpstreamOptions): Upstream {
  const exchange = createProxyExchange(o.name, o.url);
  const breaker = new CircuitBreaker((req: Request, res: Response, timeoutMs: number) => exchange.send(req, res, timeoutMs), {
    name: o.name,
    ...o.breaker,
    timeout: false, // the exchange has its own, which also aborts the upstream call
    // Percentiles and snapshots cost a sort and a timer we never read.
    rollingPercentilesEnabled: false,
    enableSnapshots: false,
    errorFilter: (err: unknown) => err instanceof UpstreamError && !err.counts,
  });
  const log = o.logger.child({ upstream: o.name, url: o.url });
  breaker.on('open', () => log.warn('circuit opened: answering 503 without calling the upstream'));
  breaker.on('halfOpen', () => log.info('circuit half-open: letting one request through'));
  breaker.on('close', () => log.info('circuit closed: the upstream answers again'));
  const retryAfter = { 'Retry-After': String(Math.ceil(o.breaker.resetTimeout / 1000)) };

  return {
    name: o.name,
    url: o.url,
    forward(timeoutMs) {
      return async (req, res) => {
        // Where the service is mounted (/payment), so links it builds (Link: rel="next") work
        // through the gateway; never what a client claims.
        if (req.baseUrl) req.headers['x-forwarded-prefix'] = req.baseUrl;
        else delete req.headers['x-forwarded-prefix'];
        try {
          await breaker.fire(req, res, timeoutMs);
        } catch (err) {
          if (err instanceof UpstreamError) {
            if (!err.answered) sendUpstreamError(res, err);
            return;
          }
          if ((err as { code?: string }).code === 'EOPENBREAKER') {
            const message = `The ${o.name} service is unavailable; try again shortly`;
            return sendUpstreamError(res, { ...errors.UPSTREAM_UNAVAILABLE, message }, retryAfter);
          }
          throw err;
        }
      };
    },
    circuit() {
      if (breaker.opened) return 'open';
      return breaker.halfOpen ? 'half_open' : 'closed';
    },
    close() {
      breaker.shutdown();
      exchange.close();
    },
  };
}
