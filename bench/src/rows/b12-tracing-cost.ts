import { waitFor } from '@paymesh/infra/testing';
import { PAYMENT_POOL_SIZE, startBenchMesh } from '../lib/bench-mesh.js';
import { describeCpuPerRequest, measureCpu, pidsOf } from '../lib/cpu-time.js';
import { interleaved } from '../lib/interleave.js';
import { createLoad } from '../lib/create-load.js';
import { describeLoad, type LoadResult } from '../lib/load.js';
import { startOtlpSink } from '../lib/otlp-sink.js';
import type { BenchRow } from '../lib/row.js';
import { fmt, median, medianWithRounds } from '../lib/stats.js';
import { registerUsers } from '../lib/users.js';

const CONNECTIONS = 2 * PAYMENT_POOL_SIZE;

/**
 * B3's gateway side on two meshes at once: the default one (no OTLP endpoint, so trace context
 * is only propagated and no SDK is loaded) and one exporting every span. The row has no target:
 * it states what tracing costs, so an operator can choose a sampling rate knowingly.
 */
export const b12TracingCost: BenchRow = {
  id: 'B12',
  title: 'B3 with tracing on (OpenTelemetry SDK, every request sampled, spans exported over OTLP) / B3 with trace context propagated only (the default)',
  target: 'none (a cost stated for operators)',
  needs: ['gateway', 'auth-service', 'payment-service', 'analytics-service'],
  method:
    `autocannon, ${CONNECTIONS} connections, POST /payment/transactions of 0.01 through the gateway, each request with the token ` +
    'of the next of 50 users, against two meshes on the same broker and database in alternating rounds: the bench mesh as ' +
    '`npm start` runs it (no OTEL_EXPORTER_OTLP_ENDPOINT: W3C trace context reaches the logs, the outbox row and the Kafka ' +
    'header, nothing is recorded), and a second mesh with OTEL_EXPORTER_OTLP_ENDPOINT set and the default sampling of 1, ' +
    'exporting every span (http, express, pg, the relay and the fold) over OTLP http/protobuf to a sink in the bench process ' +
    'that reads and discards them.',
  async run(ctx) {
    const untracedMesh = await ctx.mesh();
    const sink = await startOtlpSink();
    const tracedMesh = await startBenchMesh(ctx.log, await ctx.infra(), { OTEL_EXPORTER_OTLP_ENDPOINT: sink.url }).catch(async (err: unknown) => {
      await sink.close();
      throw err;
    });
    try {
      const userCount = ctx.quick ? 5 : 50;
      const [untracedUsers, tracedUsers] = await Promise.all([
        registerUsers(untracedMesh.urls.auth, userCount, 'b12-off'),
        registerUsers(tracedMesh.urls.auth, userCount, 'b12-on'),
      ]);
      const cpuNotes: Record<string, string> = {};
      const side = (name: string, mesh: typeof untracedMesh, users: { token: string }[]) => {
        const pids = pidsOf({ gateway: mesh.urls.gateway, payment: mesh.urls.payment, analytics: mesh.urls.analytics });
        const creates = createLoad(mesh.urls.gateway, users, CONNECTIONS);
        return async (seconds = ctx.seconds(8)): Promise<LoadResult> => {
          const { result, cpu } = await measureCpu(pids, () => creates(seconds));
          cpuNotes[name] = describeCpuPerRequest(cpu, result.ok);
          ctx.log(`B12 ${name}: ${describeLoad(result)}; ${cpuNotes[name]}`);
          return result;
        };
      };
      const untraced = side('propagation only', untracedMesh, untracedUsers);
      const traced = side('tracing on', tracedMesh, tracedUsers);
      if (!ctx.quick) {
        // Unmeasured: JIT, the JWKS fetch, the pools' connections, the exporter's first batches.
        await untraced(3);
        await traced(3);
      }
      const exportedBefore = sink.received();
      const { a: off, b: on } = await interleaved(ctx.rounds(5), () => untraced(), () => traced());
      // The SDK exports in batches every few seconds, so a short round may end before its spans
      // leave. Waiting here proves the traced side traced; no export would mean two untraced meshes.
      await waitFor('the traced mesh to export the spans of the measured rounds', () => sink.received().requests > exportedBefore.requests, 30_000, 100);
      const exportedAfter = sink.received();
      const exported = { requests: exportedAfter.requests - exportedBefore.requests, bytes: exportedAfter.bytes - exportedBefore.bytes };
      const creates = on.reduce((n, r) => n + r.ok, 0);
      const offRps = off.map((r) => r.rps);
      const onRps = on.map((r) => r.rps);
      const failures = [...off, ...on].reduce((n, r) => n + r.non2xx + r.errors, 0);
      const latency = (results: LoadResult[]) => `p50 ${fmt(median(results.map((r) => r.p50)))} ms, p99 ${fmt(median(results.map((r) => r.p99)))} ms`;
      return {
        figures: [
          `tracing on: ${medianWithRounds(onRps, 'tx/s')}, ${latency(on)}`,
          `propagation only: ${medianWithRounds(offRps, 'tx/s')}, ${latency(off)}`,
          `exported for the measured rounds: ${exported.requests} OTLP requests, ${Math.round(exported.bytes / 1024)} KiB (${(exported.bytes / Math.max(1, creates) / 1024).toFixed(1)} KiB per create)`,
        ],
        checks: [],
        result: `${fmt(median(onRps) / median(offRps))} × the creates/s`,
        notes: [
          `CPU per create, last round: tracing on ${cpuNotes['tracing on']}; propagation only ${cpuNotes['propagation only']}`,
          'Every request is sampled on the traced side (OTEL_TRACES_SAMPLER_ARG defaults to 1): the most tracing can cost. A lower ratio of sampled traces costs proportionally less, and a caller-sampled traceparent is always followed.',
          ...(failures > 0 ? [`${failures} creates were not 201: ${[...off, ...on].map((r) => JSON.stringify(r.statuses)).join(' ')}`] : []),
        ],
      };
    } finally {
      await tracedMesh.stop();
      await sink.close();
    }
  },
};
