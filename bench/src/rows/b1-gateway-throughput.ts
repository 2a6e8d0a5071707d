import { describeCpuPerRequest, measureCpu } from '../lib/cpu-time.js';
import { interleavedSides } from '../lib/interleave.js';
import { describeLoad, fire } from '../lib/load.js';
import { LIGHT_CONNECTIONS, startLightSides } from '../lib/light-sides.js';
import type { BenchRow } from '../lib/row.js';
import { fmt, median, medianWithRounds } from '../lib/stats.js';

export const b1GatewayThroughput: BenchRow = {
  id: 'B1',
  title: 'gateway throughput / direct-to-upstream throughput, same light endpoint',
  target: '≥ 0.7',
  needs: ['gateway', 'auth-service'],
  method:
    `autocannon, ${LIGHT_CONNECTIONS} keep-alive connections, as fast as answered: GET /auth/health through the gateway ` +
    '(edge checks, rate limiter, request id, breaker, keep-alive proxy to auth-service) against GET /health straight at ' +
    'auth-service. Two more sides, for reference only: a bare node:http proxy (bench/src/reference/bare-proxy.ts, no framework, ' +
    'no checks), what any Node proxy costs on this machine; and Express with http-proxy-middleware alone ' +
    '(bench/src/reference/framework-proxy.ts), what the stack the gateway is built on costs before any edge work. ' +
    'Rounds rotate the order; only 2xx answers count.',
  async run(ctx) {
    const mesh = await ctx.mesh();
    const sides = await startLightSides(mesh);
    const durationSec = ctx.seconds(8);
    const cpuNotes: Record<string, string> = {};
    const side = (name: string, url: string) => async () => {
      const { result, cpu } = await measureCpu(sides.pids, () => fire({ url, connections: LIGHT_CONNECTIONS, durationSec }));
      cpuNotes[name] = describeCpuPerRequest(cpu, result.ok + result.non2xx);
      ctx.log(`B1 ${name}: ${describeLoad(result)}; ${cpuNotes[name]}`);
      return result;
    };
    try {
      const warm = (_label: string, url: string) => () => fire({ url, connections: LIGHT_CONNECTIONS, durationSec: 3 });
      const runs = await interleavedSides(ctx.rounds(4), sides.each(side), ctx.quick ? undefined : sides.each(warm));
      const rps = (name: keyof typeof runs) => runs[name].map((r) => r.rps);
      const failures = Object.values(runs).flat().reduce((n, r) => n + r.non2xx + r.errors, 0);
      return {
        figures: [
          `gateway: ${medianWithRounds(rps('gateway'), 'req/s')}`,
          `direct: ${medianWithRounds(rps('direct'), 'req/s')}`,
          `(bare node:http proxy: ${medianWithRounds(rps('bare'), 'req/s')})`,
          `(Express + http-proxy-middleware alone: ${medianWithRounds(rps('framework'), 'req/s')})`,
        ],
        checks: [{ label: 'gateway / direct', value: median(rps('gateway')) / median(rps('direct')), unit: '', op: '>=', limit: 0.7 }],
        notes: [
          `reference: bare node:http proxy / direct = ${fmt(median(rps('bare')) / median(rps('direct')))}, ` +
            `Express + http-proxy-middleware / direct = ${fmt(median(rps('framework')) / median(rps('direct')))}, ` +
            `gateway / Express + http-proxy-middleware = ${fmt(median(rps('gateway')) / median(rps('framework')))}`,
          ...Object.entries(cpuNotes).map(([name, note]) => `${name} side, last round: ${note}`),
          ...(failures > 0 ? [`${failures} requests were not 2xx or failed`] : []),
        ],
      };
    } finally {
      await sides.stop();
    }
  },
};
