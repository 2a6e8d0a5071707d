import autocannon from 'autocannon';
import { percentile } from './stats.js';

export interface LoadOptions {
  url: string;
  connections: number;
  durationSec: number;
  /** Requests per second over all connections; unset means as fast as the server answers. */
  rate?: number;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** Rewrites each request before it is sent, e.g. to rotate users' tokens. */
  setupRequest?: (request: autocannon.Request) => autocannon.Request;
  /** Called on every response as it arrives (B4 timestamps each 201). */
  onResponse?: (statusCode: number) => void;
  /** Called with every complete response body (B4 reads the id of each transaction created). */
  onResponseBody?: (statusCode: number, body: string) => void;
}

export interface LoadResult {
  /** 2xx responses per second of wall time. */
  rps: number;
  ok: number;
  non2xx: number;
  errors: number;
  /** Status code → count, to say what went wrong when non2xx is not zero. */
  statuses: Record<string, number>;
  p50: number;
  p99: number;
}

/**
 * One autocannon run. Latencies are taken from the per-response event rather than autocannon's
 * histogram, which rounds to whole milliseconds: B2's targets are fractions of a millisecond.
 */
export async function fire(o: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let ok = 0;
  let non2xx = 0;
  const request: autocannon.Request = {
    method: o.method ?? 'GET',
    ...(o.headers ? { headers: o.headers } : {}),
    ...(o.body ? { body: o.body } : {}),
    ...(o.setupRequest ? { setupRequest: o.setupRequest } : {}),
    ...(o.onResponseBody ? { onResponse: (status: number, body: string) => o.onResponseBody!(status, body) } : {}),
  };
  const begun = process.hrtime.bigint();
  let instance!: autocannon.Instance;
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    // The callback form returns the instance, whose per-response event the promise form hides.
    instance = autocannon(
      { url: o.url, connections: o.connections, duration: o.durationSec, ...(o.rate ? { overallRate: o.rate } : {}), requests: [request] },
      (err: Error | null, result: autocannon.Result) => (err ? reject(err) : resolve(result)),
    );
  });
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    o.onResponse?.(statusCode);
    statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
    if (statusCode >= 200 && statusCode < 300) {
      ok += 1;
      latencies.push(responseTime);
    } else {
      non2xx += 1;
    }
  });
  const result = await done;
  const seconds = Number(process.hrtime.bigint() - begun) / 1e9;
  return { rps: ok / seconds, ok, non2xx, errors: result.errors, statuses, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

/** A line for the log and the notes: "3120 req/s, p50 1.2 ms, p99 4.5 ms, 0 errors". */
export function describeLoad(r: LoadResult): string {
  const bad = r.non2xx + r.errors > 0 ? `, ${r.non2xx} non-2xx ${JSON.stringify(r.statuses)}, ${r.errors} errors` : '';
  return `${Math.round(r.rps)} req/s, p50 ${r.p50.toFixed(2)} ms, p99 ${r.p99.toFixed(2)} ms${bad}`;
}
