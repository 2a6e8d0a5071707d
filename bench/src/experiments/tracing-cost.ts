import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ensureInfra, loadInfraConfig } from '@paymesh/infra/stack';
import { PAYMENT_POOL_SIZE, startBenchMesh } from '../lib/bench-mesh.js';
import { interleaved } from '../lib/interleave.js';
import { describeLoad, fire, type LoadResult } from '../lib/load.js';
import { createBenchLogger } from '../lib/log.js';
import { median } from '../lib/stats.js';
import { registerUsers } from '../lib/users.js';

/**
 * B3's gateway side (POST /payment/transactions through the gateway, 20 connections, 50 users)
 * on two meshes side by side: one without the SDK (no OTLP endpoint: trace context is only
 * propagated, so logs, outbox rows and Kafka headers still carry trace ids) and one
 * exporting every span over OTLP to a sink in this process that reads and discards them.
 * `npm run experiment:tracing-cost -w @paymesh/bench -- [seconds=8] [rounds=4]`
 */
const seconds = Number(process.argv[2] ?? 8);
const rounds = Number(process.argv[3] ?? 4);
const log = createBenchLogger('tracing');

let exportRequests = 0;
let exportedBytes = 0;
const sink = createServer((req, res) => {
  exportRequests += 1;
  req.on('data', (chunk: Buffer) => (exportedBytes += chunk.length));
  req.on('end', () => res.writeHead(200, { 'content-type': 'application/x-protobuf' }).end());
});
await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
const sinkUrl = `http://127.0.0.1:${(sink.address() as AddressInfo).port}`;

const infra = await ensureInfra(loadInfraConfig(), log);
const off = await startBenchMesh(log, infra);
const on = await startBenchMesh(log, infra, { OTEL_EXPORTER_OTLP_ENDPOINT: sinkUrl });
try {
  const [offUsers, onUsers] = await Promise.all([registerUsers(off.urls.auth, 50, 'trace-off'), registerUsers(on.urls.auth, 50, 'trace-on')]);
  const body = JSON.stringify({ amount: 0.01, description: 'bench' });
  const load = (gateway: string, users: { token: string }[], duration = seconds) => {
    let next = 0;
    return fire({
      url: `${gateway}/payment/transactions`,
      method: 'POST',
      connections: 2 * PAYMENT_POOL_SIZE,
      durationSec: duration,
      body,
      setupRequest: (request) => {
        next += 1;
        return { ...request, headers: { 'content-type': 'application/json', authorization: `Bearer ${users[next % users.length]!.token}` } };
      },
    });
  };
  // Unmeasured: JIT, the JWKS fetch, the pools' connections.
  await load(off.urls.gateway, offUsers, 3);
  await load(on.urls.gateway, onUsers, 3);
  const measured = (name: string, gateway: string, users: { token: string }[]) => async (): Promise<LoadResult> => {
    const result = await load(gateway, users);
    log(`${name}: ${describeLoad(result)}`);
    return result;
  };
  const { a: untraced, b: traced } = await interleaved(rounds, measured('propagation only', off.urls.gateway, offUsers), measured('tracing on', on.urls.gateway, onUsers));
  const summary = (results: LoadResult[]) =>
    `${Math.round(median(results.map((r) => r.rps)))} tx/s, p50 ${median(results.map((r) => r.p50)).toFixed(1)} ms, p99 ${median(results.map((r) => r.p99)).toFixed(1)} ms`;
  log(`no SDK, trace context propagated only: ${summary(untraced)}`);
  log(`tracing on (OTLP to a discarding sink): ${summary(traced)}; ${exportRequests} export requests, ${Math.round(exportedBytes / 1024)} KiB`);
  log(`traced / untraced throughput: ${(median(traced.map((r) => r.rps)) / median(untraced.map((r) => r.rps))).toFixed(2)}`);
} finally {
  await Promise.all([off.stop(), on.stop()]);
  await infra.stop();
  sink.close();
}
