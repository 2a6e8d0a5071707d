import os from 'node:os';
import { startBenchMesh } from '../lib/bench-mesh.js';
import { pidListeningOn } from '../lib/cpu-time.js';
import { interleaved } from '../lib/interleave.js';
import { createLoad } from '../lib/create-load.js';
import { describeLoad, type LoadResult } from '../lib/load.js';
import { startLoneService } from '../lib/lone-service.js';
import { backendsServing, measureGroupCpu } from '../lib/process-group-cpu.js';
import type { BenchRow } from '../lib/row.js';
import { median, medianWithRounds } from '../lib/stats.js';
import { registerUsers } from '../lib/users.js';

// Enough waiting requests to keep both instances' pools (10 connections each) busy.
const CONNECTIONS = 32;
const portOf = (url: string) => Number(new URL(url.includes('://') ? url : `tcp://${url}`).port);

/** "payment 1 0.62 · postgres 0.48 … cores (ms CPU per create)". */
function describeCpu(cpu: Record<string, number>, seconds: number, creates: number): string {
  return Object.entries(cpu)
    .filter(([, used]) => used > 0.005 * seconds)
    .map(([name, used]) => `${name} ${(used / seconds).toFixed(2)} (${((used * 1000) / Math.max(1, creates)).toFixed(2)})`)
    .join(' · ');
}

export const b10PaymentInstances: BenchRow = {
  id: 'B10',
  title: 'POST /payment/transactions per second through the gateway: 2 payment-service instances / 1',
  target: '≥ 1.3',
  needs: ['gateway', 'auth-service', 'payment-service'],
  method:
    `One mesh with two payment-service instances (PAYMENT_INSTANCES=2, one database, one topic) and two gateway processes: ` +
    `the mesh's, given both instances, and a second one given only the first. autocannon, ${CONNECTIONS} connections, ` +
    'POST /payment/transactions of 0.01, each request with the token of the next of 50 users, through one gateway then the ' +
    'other, in alternating rounds; the idle gateway uses no CPU. CPU per process group from /proc (postgres counts its backends).',
  async run(ctx) {
    const infra = await ctx.infra();
    const mesh = await startBenchMesh(ctx.log, infra, {}, { paymentInstances: 2 });
    const single = await startLoneService('gateway', {
      ...mesh.env,
      AUTH_SERVICE_URL: mesh.urls.auth,
      PAYMENT_SERVICE_URL: mesh.urls.payments[0]!,
      ANALYTICS_SERVICE_URL: mesh.urls.analytics,
    }).catch(async (err: unknown) => {
      await mesh.stop();
      throw err;
    });
    try {
      const users = await registerUsers(mesh.urls.auth, ctx.quick ? 5 : 50, 'b10');
      const seconds = ctx.seconds(10);
      const pid = (url: string) => () => {
        const found = pidListeningOn(portOf(url));
        return found === undefined ? [] : [found];
      };
      const pgPort = portOf(infra.superuserUrl);
      const groups = {
        gateway: () => [...pid(mesh.urls.gateway)(), ...pid(single.url)()],
        'payment 1': pid(mesh.urls.payments[0]!),
        'payment 2': pid(mesh.urls.payments[1]!),
        analytics: pid(mesh.urls.analytics),
        // Only the backends serving our payment-services: the cluster is shared with other work.
        postgres: () => backendsServing([...groups['payment 1'](), ...groups['payment 2']()], pidListeningOn(pgPort), pgPort),
        // The whole broker, which may be serving other programs too.
        kafka: pid(infra.brokers[0]!),
      };
      const cpuNotes: Record<string, string> = {};
      const viaBoth = createLoad(mesh.urls.gateway, users, CONNECTIONS);
      const viaFirst = createLoad(single.url, users, CONNECTIONS);
      const drive = async (side: string, creates: typeof viaBoth, duration = seconds): Promise<LoadResult> => {
        const { result, cpu, machineBusy } = await measureGroupCpu(groups, () => creates(duration));
        // What the mesh used against how busy the machine was: the gap is everyone else's work.
        const ours = Object.values(cpu).reduce((sum, used) => sum + used, 0) / duration;
        const cores = os.availableParallelism();
        cpuNotes[side] = `${describeCpu(cpu, duration, result.ok)}; all of these ${ours.toFixed(2)} of ${cores} cores while the machine was ${(machineBusy * 100).toFixed(0)}% busy`;
        ctx.log(`B10 ${side}: ${describeLoad(result)}; cores (ms per create): ${cpuNotes[side]}`);
        return result;
      };
      const loadBefore = os.loadavg()[0]!;
      if (!ctx.quick) {
        // Unmeasured: JIT, the JWKS fetch, the pools' connections on every instance.
        await drive('warm-up 2', viaBoth, 3);
        await drive('warm-up 1', viaFirst, 3);
      }
      const { a: two, b: one } = await interleaved(ctx.rounds(5), () => drive('2 instances', viaBoth), () => drive('1 instance', viaFirst));
      const twoRps = two.map((r) => r.rps);
      const oneRps = one.map((r) => r.rps);
      const failures = [...two, ...one].reduce((n, r) => n + r.non2xx + r.errors, 0);
      return {
        figures: [`2 instances: ${medianWithRounds(twoRps, 'tx/s')}`, `1 instance: ${medianWithRounds(oneRps, 'tx/s')}`],
        checks: [{ label: '2 instances / 1', value: median(twoRps) / median(oneRps), unit: '', op: '>=', limit: 1.3 }],
        notes: [
          `p50/p99: 2 instances ${median(two.map((r) => r.p50)).toFixed(1)}/${median(two.map((r) => r.p99)).toFixed(1)} ms, 1 instance ${median(one.map((r) => r.p50)).toFixed(1)}/${median(one.map((r) => r.p99)).toFixed(1)} ms`,
          `CPU in cores (ms per create), last round: 2 instances: ${cpuNotes['2 instances']}; 1 instance: ${cpuNotes['1 instance']}`,
          `load average (1 min) ${loadBefore.toFixed(2)} before, ${os.loadavg()[0]!.toFixed(2)} after, on ${os.availableParallelism()} cores`,
          'Both instances run their outbox relay in either side (one advisory lock per batch), so the single-instance side already has the relay spread over two processes: the ratio measures request handling, not relay work.',
          ...(failures > 0 ? [`${failures} creates were not 201: ${[...two, ...one].map((r) => JSON.stringify(r.statuses)).join(' ')}`] : []),
        ],
      };
    } finally {
      await single.stop();
      await mesh.stop();
    }
  },
};
