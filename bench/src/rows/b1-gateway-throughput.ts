import { interleaved } from '../lib/interleave.js';
import { describeLoad, fire } from '../lib/load.js';
import type { BenchRow } from '../lib/row.js';
import { median, medianWithRounds } from '../lib/stats.js';

/** The light endpoint both sides hit: auth-service's liveness answer, which touches nothing. */
export const LIGHT_PATH = '/health';
export const LIGHT_CONNECTIONS = 16;

export const b1GatewayThroughput: BenchRow = {
  id: 'B1',
  title: 'gateway throughput / direct-to-upstream throughput, same light endpoint',
  target: '≥ 0.5',
  needs: ['gateway', 'auth-service'],
  method:
    `autocannon, ${LIGHT_CONNECTIONS} keep-alive connections, as fast as answered: GET /auth/health through the gateway ` +
    '(edge checks, rate limiter, request id, keep-alive proxy to auth-service) against GET /health straight at auth-service. ' +
    'Rounds alternate which side goes first; only 2xx answers count.',
  async run(ctx) {
    const mesh = await ctx.mesh();
    const durationSec = ctx.quick ? 1 : 10;
    const side = (name: string, url: string) => async () => {
      const result = await fire({ url, connections: LIGHT_CONNECTIONS, durationSec });
      ctx.log(`B1 ${name}: ${describeLoad(result)}`);
      return result;
    };
    const { a: gateway, b: direct } = await interleaved(
      ctx.quick ? 1 : 5,
      side('gateway', `${mesh.urls.gateway}/auth${LIGHT_PATH}`),
      side('direct', `${mesh.urls.auth}${LIGHT_PATH}`),
    );
    const gatewayRps = gateway.map((r) => r.rps);
    const directRps = direct.map((r) => r.rps);
    const failures = [...gateway, ...direct].reduce((n, r) => n + r.non2xx + r.errors, 0);
    return {
      figures: [`gateway: ${medianWithRounds(gatewayRps, 'req/s')}`, `direct: ${medianWithRounds(directRps, 'req/s')}`],
      checks: [{ label: 'gateway / direct', value: median(gatewayRps) / median(directRps), unit: '', op: '>=', limit: 0.5 }],
      notes: failures > 0 ? [`${failures} requests were not 2xx or failed`] : [],
    };
  },
};
