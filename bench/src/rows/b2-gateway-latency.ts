import { availableParallelism } from 'node:os';
import { measureCpu } from '../lib/cpu-time.js';
import { interleavedSides } from '../lib/interleave.js';
import { describeLoad, fire } from '../lib/load.js';
import { firePaced, type PacedLoadResult } from '../lib/paced-load.js';
import type { BenchRow } from '../lib/row.js';
import { fmt, median } from '../lib/stats.js';
import { LIGHT_CONNECTIONS, LIGHT_PATH, startLightSides } from '../lib/light-sides.js';

export const b2GatewayLatency: BenchRow = {
  id: 'B2',
  title: "latency the gateway adds at a fixed rate of half the gateway's own maximum: Δp50 / Δp99",
  target: '≤ 1 ms / ≤ 5 ms',
  needs: ['gateway', 'auth-service'],
  method:
    'First the gateway\'s own maximum on GET /auth/health is measured in the same run (autocannon, as fast as answered); ' +
    'then rounds at a fixed rate of half that, rotating gateway (/auth/health), direct (GET /health on auth-service), and ' +
    'B1\'s two reference proxies (bare node:http; Express + http-proxy-middleware alone). Half the gateway\'s maximum, not ' +
    'the direct one: at half the direct maximum any proxy built on Express runs near its own limit, and the figure measures ' +
    'its queue rather than the work it adds. The fixed rate is open-loop and evenly paced (bench/src/lib/paced-load.ts: ' +
    `request k leaves at start + k / rate, over up to ${LIGHT_CONNECTIONS} keep-alive sockets); autocannon's own rate option ` +
    'sends each second\'s quota in a burst, which measures a saturated server. Latencies are exact per response; ' +
    'Δ = gateway − direct of the medians of the rounds\' p50 and p99.',
  async run(ctx) {
    const mesh = await ctx.mesh();
    const durationSec = ctx.seconds(8);
    const gatewayUrl = `${mesh.urls.gateway}/auth${LIGHT_PATH}`;
    // One unmeasured run first, so the maximum is that of a warm gateway with open upstream sockets.
    await fire({ url: gatewayUrl, connections: LIGHT_CONNECTIONS, durationSec: ctx.seconds(3) });
    const max = await fire({ url: gatewayUrl, connections: LIGHT_CONNECTIONS, durationSec: ctx.seconds(5) });
    const rate = Math.max(10, Math.round(max.rps / 2));
    ctx.log(`B2 gateway maximum ${describeLoad(max)} → fixed rate ${rate} req/s`);
    const sides = await startLightSides(mesh);
    const busy: Record<string, string> = {};
    const lags: number[] = [];
    const side = (name: string, url: string) => async () => {
      const { result, cpu } = await measureCpu(sides.pids, () => firePaced({ url, connections: LIGHT_CONNECTIONS, durationSec, rate }));
      lags.push(result.sendLagP99);
      // Share of one core each process kept busy: past ~70 % a queue forms and the tail grows.
      busy[name] = Object.entries(cpu)
        .filter(([, seconds]) => seconds / durationSec >= 0.02)
        .map(([process, seconds]) => `${process} ${Math.round((100 * seconds) / durationSec)} %`)
        .join(' · ');
      ctx.log(`B2 ${name}: ${describeLoad(result)}, sends late by p99 ${fmt(result.sendLagP99)} ms; ${busy[name]} of a core`);
      return result;
    };
    try {
      const warm = (_label: string, url: string) => () => firePaced({ url, connections: LIGHT_CONNECTIONS, durationSec: 3, rate });
      const runs = await interleavedSides(ctx.rounds(4), sides.each(side), ctx.quick ? undefined : sides.each(warm));
      const p = (rs: PacedLoadResult[], key: 'p50' | 'p99') => median(rs.map((r) => r[key]));
      const ms = (rs: PacedLoadResult[]) => `p50 ${fmt(p(rs, 'p50'))} ms, p99 ${fmt(p(rs, 'p99'))} ms`;
      const achieved = (rs: PacedLoadResult[]) => rs.map((r) => Math.round(r.rps)).join(' · ');
      return {
        figures: [
          `gateway: ${ms(runs.gateway)}`,
          `direct: ${ms(runs.direct)}`,
          `(bare node:http proxy: ${ms(runs.bare)})`,
          `(Express + http-proxy-middleware alone: ${ms(runs.framework)})`,
          `at ${rate} req/s (gateway max ${Math.round(max.rps)} req/s)`,
        ],
        checks: [
          { label: 'Δp50', value: p(runs.gateway, 'p50') - p(runs.direct, 'p50'), unit: 'ms', op: '<=', limit: 1 },
          { label: 'Δp99', value: p(runs.gateway, 'p99') - p(runs.direct, 'p99'), unit: 'ms', op: '<=', limit: 5 },
        ],
        notes: [
          `reference: the bare proxy adds Δp50 ${fmt(p(runs.bare, 'p50') - p(runs.direct, 'p50'))} ms, Δp99 ${fmt(p(runs.bare, 'p99') - p(runs.direct, 'p99'))} ms; ` +
            `Express + http-proxy-middleware alone adds Δp50 ${fmt(p(runs.framework, 'p50') - p(runs.direct, 'p50'))} ms, Δp99 ${fmt(p(runs.framework, 'p99') - p(runs.direct, 'p99'))} ms`,
          ...Object.entries(busy).map(([name, line]) => `${name} side, last round, CPU busy: ${line} of a core (the machine has ${availableParallelism()})`),
          `achieved rates (req/s): gateway ${achieved(runs.gateway)}; direct ${achieved(runs.direct)}; bare ${achieved(runs.bare)}; framework ${achieved(runs.framework)}`,
          `the load generator sent late by p99 ${fmt(median(lags))} ms (median of rounds: how late its timers fired; latencies are timed from the actual send)`,
        ],
      };
    } finally {
      await sides.stop();
    }
  },
};
