import { setTimeout as sleep } from 'node:timers/promises';
import { Pool } from 'undici';
import type { LoadResult } from './load.js';
import { percentile } from './stats.js';

export interface PacedRequest {
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
}

export interface PacedLoadOptions {
  url: string;
  /** Requests per second, each due at its own instant: start + k / rate. */
  rate: number;
  durationSec: number;
  /** Keep-alive sockets the requests share; a request due while all are busy waits for one. */
  connections: number;
  /** What request k sends (method, headers, body); a plain GET when unset. */
  request?: (k: number) => PacedRequest;
  /** Called with every complete response body (B4 reads the id of each transaction created). */
  onResponseBody?: (statusCode: number, body: string) => void;
}

export interface PacedLoadResult extends LoadResult {
  /** How late requests left against their schedule (the load generator's own timer lag), p99 in ms. */
  sendLagP99: number;
}

/**
 * Open-loop load at a fixed rate: request k is due at start + k / rate whether or not earlier
 * ones have been answered. autocannon's `overallRate` is not that: each connection sends its
 * quota for the second back to back, then waits for the next second, so at "half the maximum"
 * the first half of every second runs at the maximum and the latencies measured are those of a
 * saturated server. Rows that ask for a fixed or steady rate (B2, B4, B8) pace with this;
 * rows that ask for a maximum keep autocannon. Latency runs from the call that sends a request
 * (including any wait for a free socket) to its last body byte. undici carries the requests:
 * its pool costs less CPU per request than node:http's client, so the load generator takes
 * less of the two cores from the processes being measured.
 */
export async function firePaced(o: PacedLoadOptions): Promise<PacedLoadResult> {
  const url = new URL(o.url);
  const pool = new Pool(url.origin, { connections: o.connections, keepAliveTimeout: 30_000 });
  const path = `${url.pathname}${url.search}`;
  const latencies: number[] = [];
  const lags: number[] = [];
  const statuses: Record<string, number> = {};
  let ok = 0;
  let non2xx = 0;
  let errors = 0;
  const inFlight = new Set<Promise<void>>();

  const send = (k: number, dueNs: bigint) => {
    const r = o.request?.(k) ?? {};
    const sentNs = process.hrtime.bigint();
    lags.push(Number(sentNs - dueNs) / 1e6);
    const done = pool
      .request({ path, method: r.method ?? 'GET', ...(r.headers ? { headers: r.headers } : {}), ...(r.body ? { body: r.body } : {}) })
      .then(async ({ statusCode, body }) => {
        if (o.onResponseBody) o.onResponseBody(statusCode, await body.text());
        else await body.dump();
        statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
        if (statusCode >= 200 && statusCode < 300) {
          ok += 1;
          latencies.push(Number(process.hrtime.bigint() - sentNs) / 1e6);
        } else {
          non2xx += 1;
        }
      })
      .catch(() => {
        errors += 1;
      })
      .finally(() => inFlight.delete(done));
    inFlight.add(done);
  };

  const startNs = process.hrtime.bigint();
  const total = Math.max(1, Math.round(o.rate * o.durationSec));
  const intervalNs = 1e9 / o.rate;
  let sent = 0;
  try {
    while (sent < total) {
      const elapsedNs = Number(process.hrtime.bigint() - startNs);
      const due = Math.min(total, Math.floor(elapsedNs / intervalNs) + 1);
      for (; sent < due; sent += 1) send(sent, startNs + BigInt(Math.round(sent * intervalNs)));
      // Timers fire a millisecond apart at best: at a few thousand a second, one tick sends a few.
      await sleep(Math.max(0, (sent * intervalNs - elapsedNs) / 1e6));
    }
    await Promise.all(inFlight);
  } finally {
    await pool.close();
  }
  const seconds = Number(process.hrtime.bigint() - startNs) / 1e9;
  return {
    rps: ok / seconds,
    ok,
    non2xx,
    errors,
    statuses,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    sendLagP99: percentile(lags, 99),
  };
}
