import type { Request, RequestHandler, Response } from 'express';
import { errors } from '@paymesh/contract/errors';
import { hasBody, rawBodyOf } from '@paymesh/shared/http';
import type { Logger } from '@paymesh/shared/logger';
import { watchInstanceHealth } from './instance-health.js';
import { sendUpstreamError, UpstreamError } from './upstream-errors.js';
import { createUpstreamInstance, type BreakerSettings, type CircuitState, type UpstreamInstance } from './upstream-instance.js';
import { createInstancePicker, type BalancePolicy } from './upstream-pool.js';

export type { BreakerSettings, CircuitState, UpstreamInstance };

export interface Upstream {
  name: string;
  /** The first instance's address, for callers that need any one of them. */
  url: string;
  instances: readonly UpstreamInstance[];
  /** Forwards to one of its instances, with `timeoutMs` to get its answer started. */
  forward(timeoutMs: number): RequestHandler;
  /** The address of the instance the next request would go to (for connections of our own, like streams). */
  pickUrl(): string;
  /** The best state among its instances: closed while any one can serve. */
  circuit(): CircuitState;
  close(): void;
}

export interface UpstreamOptions {
  name: string;
  urls: readonly string[];
  breaker: BreakerSettings;
  logger: Logger;
  policy?: BalancePolicy;
  /** How instances are probed when there are several. */
  health?: { intervalMs: number; timeoutMs: number };
}

const isOpenBreaker = (err: unknown) => (err as { code?: string }).code === 'EOPENBREAKER';

/**
 * Whether the same request may go to another instance after this one failed. Only when the
 * failed one cannot have seen any of it: its breaker refused, or its port refused the
 * connection. Even then a body the edge did not buffer has already been read into the failed
 * attempt, so only requests with no body, or whose bytes the edge holds, can be sent again.
 * Anything that may have reached an instance (a reset, a timeout, a 5xx) is never resent, so a
 * create without an Idempotency-Key is never made twice.
 */
function canTryAnother(err: unknown, req: Request): boolean {
  if (isOpenBreaker(err)) return true;
  return err instanceof UpstreamError && err.refused && (!hasBody(req) || rawBodyOf(req) !== undefined);
}

/**
 * One upstream service over one or more instances, each behind its own circuit breaker: after
 * repeated failures an instance stops being sent to (the others take its share, or the client
 * gets 503 at once when none is left), it is let one request through after `resetTimeout`, and
 * it is back in rotation when that one succeeds.
 */
export function createUpstream(o: UpstreamOptions): Upstream {
  const instances = o.urls.map((url) => createUpstreamInstance({ upstream: o.name, url, breaker: o.breaker, logger: o.logger }));
  const picker = createInstancePicker(instances, o.policy ?? 'least_in_flight');
  const health = instances.length > 1 && o.health ? watchInstanceHealth(instances, o.health) : undefined;
  const retryAfter = { 'Retry-After': String(Math.ceil(o.breaker.resetTimeout / 1000)) };

  const answer = (res: Response, err: unknown) => {
    if (err instanceof UpstreamError) {
      if (!err.answered) sendUpstreamError(res, err);
      return;
    }
    if (err === undefined || isOpenBreaker(err)) {
      const message = `The ${o.name} service is unavailable; try again shortly`;
      return sendUpstreamError(res, { ...errors.UPSTREAM_UNAVAILABLE, message }, retryAfter);
    }
    // Anything else is our own bug: the shared error handler logs it and answers 500.
    throw err instanceof Error ? err : new Error('unexpected failure while forwarding', { cause: err });
  };

  return {
    name: o.name,
    url: instances[0]!.url,
    instances,
    forward(timeoutMs) {
      return async (req, res) => {
        // Where the service is mounted (/payment), so links it builds (Link: rel="next") work
        // through the gateway; never what a client claims.
        if (req.baseUrl) req.headers['x-forwarded-prefix'] = req.baseUrl;
        else delete req.headers['x-forwarded-prefix'];
        let failure: unknown;
        for (const instance of picker.candidates()) {
          (res.locals as { upstreamInstance?: string }).upstreamInstance = instance.label;
          try {
            await instance.send(req, res, timeoutMs);
            return;
          } catch (err) {
            failure = err;
            // Nothing listens there: out of rotation at once rather than after two failed probes,
            // so a crashed instance costs one refused request, not one per request until then.
            if (health && err instanceof UpstreamError && err.refused) instance.markHealthy(false);
            if (!canTryAnother(err, req)) break;
          }
        }
        answer(res, failure);
      };
    },
    pickUrl: () => (picker.candidates()[0] ?? instances[0]!).url,
    circuit() {
      const states = instances.map((instance) => instance.circuit());
      if (states.includes('closed')) return 'closed';
      return states.includes('half_open') ? 'half_open' : 'open';
    },
    close() {
      health?.stop();
      for (const instance of instances) instance.close();
    },
  };
}
