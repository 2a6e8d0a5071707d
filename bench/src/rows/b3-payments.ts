import { PAYMENT_POOL_SIZE } from '../lib/bench-mesh.js';
import { createDirectWriter, driveDirect } from '../lib/direct-create.js';
import { describeCpuPerRequest, measureCpu, pidsOf } from '../lib/cpu-time.js';
import { interleaved } from '../lib/interleave.js';
import { createLoad } from '../lib/create-load.js';
import { describeLoad } from '../lib/load.js';
import type { BenchRow } from '../lib/row.js';
import { median, medianWithRounds } from '../lib/stats.js';
import { registerUsers } from '../lib/users.js';

const CONNECTIONS = 2 * PAYMENT_POOL_SIZE;

export const b3Payments: BenchRow = {
  id: 'B3',
  title: 'POST /payment/transactions through the gateway / the same SQL from a pg pool of the same size',
  target: '≥ 0.5',
  needs: ['gateway', 'auth-service', 'payment-service'],
  method:
    `autocannon, ${CONNECTIONS} connections, POST /payment/transactions of 0.01 through the gateway, each request with the ` +
    'token of the next of 50 users (token verified at the edge and again in payment-service; begin, the cap upsert that locks ' +
    `and adds to the total chained to the row insert, the outbox row with NOTIFY, commit; the relay publishes to Kafka meanwhile), against ${CONNECTIONS} loops issuing the same statements ` +
    `for the same users from a pg pool of ${PAYMENT_POOL_SIZE} (payment-service's DB_POOL_MAX) in this process. Alternating rounds.`,
  async run(ctx) {
    const mesh = await ctx.mesh();
    const infra = await ctx.infra();
    const users = await registerUsers(mesh.urls.auth, ctx.quick ? 5 : 50, 'b3');
    const durationSec = ctx.seconds(8);
    const pids = pidsOf({ gateway: mesh.urls.gateway, payment: mesh.urls.payment, analytics: mesh.urls.analytics });
    const cpuNotes: Record<string, string> = {};
    const creates = createLoad(mesh.urls.gateway, users, CONNECTIONS);
    const throughGateway = async (seconds = durationSec) => {
      const { result, cpu } = await measureCpu(pids, () => creates(seconds));
      cpuNotes.gateway = describeCpuPerRequest(cpu, result.ok);
      ctx.log(`B3 gateway: ${describeLoad(result)}; ${cpuNotes.gateway}`);
      return result;
    };
    const writer = createDirectWriter(infra.databaseUrls.payment, PAYMENT_POOL_SIZE, mesh.topic);
    const direct = async (seconds = durationSec) => {
      const { result, cpu } = await measureCpu(pids, () => driveDirect(writer, users.map((u) => u.id), CONNECTIONS, seconds));
      cpuNotes.direct = describeCpuPerRequest(cpu, result.count);
      ctx.log(`B3 direct SQL: ${Math.round(result.rps)} creates/s; ${cpuNotes.direct}`);
      return result;
    };
    try {
      if (!ctx.quick) {
        // Unmeasured: JIT, the JWKS fetch, the pools' connections.
        await throughGateway(3);
        await direct(3);
      }
      const { a: gateway, b: sql } = await interleaved(ctx.rounds(5), () => throughGateway(), () => direct());
      const gatewayRps = gateway.map((r) => r.rps);
      const sqlRps = sql.map((r) => r.rps);
      const failures = gateway.reduce((n, r) => n + r.non2xx + r.errors, 0);
      return {
        figures: [`through the gateway: ${medianWithRounds(gatewayRps, 'tx/s')}`, `direct SQL: ${medianWithRounds(sqlRps, 'tx/s')}`],
        checks: [{ label: 'gateway / SQL', value: median(gatewayRps) / median(sqlRps), unit: '', op: '>=', limit: 0.5 }],
        notes: [
          `through the gateway: p50 ${median(gateway.map((r) => r.p50)).toFixed(1)} ms, p99 ${median(gateway.map((r) => r.p99)).toFixed(1)} ms`,
          `CPU per create, last round: through the gateway ${cpuNotes.gateway}; direct SQL ${cpuNotes.direct} (the load generator is the pg client there; payment-service's share is its relay, which publishes both sides' events)`,
          ...(failures > 0 ? [`${failures} creates were not 201: ${gateway.map((r) => JSON.stringify(r.statuses)).join(' ')}`] : []),
        ],
      };
    } finally {
      await writer.close();
    }
  },
};
