import { interleaved } from '../lib/interleave.js';
import { describeLoad, fire } from '../lib/load.js';
import type { BenchRow } from '../lib/row.js';
import { fmt, median } from '../lib/stats.js';
import { LIGHT_CONNECTIONS, LIGHT_PATH } from './b1-gateway-throughput.js';

export const b2GatewayLatency: BenchRow = {
  id: 'B2',
  title: 'latency the gateway adds at a fixed rate of half the direct maximum: Δp50 / Δp99',
  target: '≤ 0.5 ms / ≤ 2 ms',
  needs: ['gateway', 'auth-service'],
  method:
    'First the direct maximum of GET /health on auth-service is measured (autocannon, as fast as answered); then rounds at a ' +
    'fixed overall rate of half that, alternating gateway (/auth/health) and direct. Latencies come from every response ' +
    '(autocannon\'s own histogram rounds to whole ms), Δ = gateway − direct of the medians of the rounds\' p50 and p99.',
  async run(ctx) {
    const mesh = await ctx.mesh();
    const durationSec = ctx.quick ? 1 : 10;
    const max = await fire({ url: `${mesh.urls.auth}${LIGHT_PATH}`, connections: LIGHT_CONNECTIONS, durationSec: ctx.quick ? 1 : 5 });
    const rate = Math.max(10, Math.round(max.rps / 2));
    ctx.log(`B2 direct maximum ${describeLoad(max)} → fixed rate ${rate} req/s`);
    const side = (name: string, url: string) => async () => {
      const result = await fire({ url, connections: LIGHT_CONNECTIONS, durationSec, rate });
      ctx.log(`B2 ${name}: ${describeLoad(result)}`);
      return result;
    };
    const { a: gateway, b: direct } = await interleaved(
      ctx.quick ? 1 : 5,
      side('gateway', `${mesh.urls.gateway}/auth${LIGHT_PATH}`),
      side('direct', `${mesh.urls.auth}${LIGHT_PATH}`),
    );
    const p = (runs: typeof gateway, key: 'p50' | 'p99') => median(runs.map((r) => r[key]));
    const ms = (runs: typeof gateway) => `p50 ${fmt(p(runs, 'p50'))} ms, p99 ${fmt(p(runs, 'p99'))} ms`;
    return {
      figures: [`gateway: ${ms(gateway)}`, `direct: ${ms(direct)}`, `at ${rate} req/s (direct max ${Math.round(max.rps)} req/s)`],
      checks: [
        { label: 'Δp50', value: p(gateway, 'p50') - p(direct, 'p50'), unit: 'ms', op: '<=', limit: 0.5 },
        { label: 'Δp99', value: p(gateway, 'p99') - p(direct, 'p99'), unit: 'ms', op: '<=', limit: 2 },
      ],
      notes: [`achieved rates: gateway ${gateway.map((r) => Math.round(r.rps)).join(' · ')}, direct ${direct.map((r) => Math.round(r.rps)).join(' · ')} req/s`],
    };
  },
};
