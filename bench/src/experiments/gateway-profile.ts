import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { dataDir, ensureInfra, loadInfraConfig } from '@paymesh/infra/stack';
import { spawnService } from '@paymesh/infra/processes';
import { freePort } from '@paymesh/infra/testing';
import { describeCpuPerRequest, measureCpu, pidsOf } from '../lib/cpu-time.js';
import { describeLoad, fire } from '../lib/load.js';
import { startLoneService } from '../lib/lone-service.js';
import { startReferenceProxy } from '../lib/reference-proxy.js';
import { median } from '../lib/stats.js';

/**
 * Experiment behind B1's analysis: where the gateway's CPU goes on the light endpoint. One
 * auth-service, one gateway in front of it (bench mesh settings: warn logs, limiters on but out
 * of reach), B1's load (16 keep-alive connections, as fast as answered), rounds rotating
 * gateway, direct and Express + http-proxy-middleware alone (B1's framework reference). With `--cpu-prof` the gateway writes a V8 profile on exit to
 * .data/bench/profiles/, for `npm run profile-summary -w @paymesh/bench`. With `--baseline <dir>`
 * a second gateway runs from another checkout (e.g. `git archive` of the last commit, with
 * node_modules hard-linked in) as one more side: a change measured against the code before it
 * in the same rounds, which on a shared machine is the only comparison that holds.
 * `npm run experiment:gateway-profile -w @paymesh/bench -- [seconds=6] [rounds=3] [--cpu-prof] [--baseline dir]`
 */
const { values, positionals } = parseArgs({ allowPositionals: true, options: { 'cpu-prof': { type: 'boolean' }, baseline: { type: 'string' } } });
const [secondsArg, roundsArg] = positionals;
const profile = values['cpu-prof'] ?? false;
const seconds = Number(secondsArg ?? 6);
const rounds = Number(roundsArg ?? 3);
const profileDir = path.join(dataDir, 'bench', 'profiles');
mkdirSync(profileDir, { recursive: true });

const infra = await ensureInfra(loadInfraConfig(), () => undefined);
const auth = await startLoneService('auth-service', { AUTH_DATABASE_URL: infra.databaseUrls.auth });
const huge = '1000000000';
const gatewayEnv = { AUTH_SERVICE_URL: auth.url, PAYMENT_SERVICE_URL: auth.url, ANALYTICS_SERVICE_URL: auth.url, RATE_LIMIT_PER_IP: huge, RATE_LIMIT_PER_USER: huge };
const gateway = await startLoneService('gateway', gatewayEnv, 90_000, profile ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : []);
async function startGateway(cwd: string) {
  const port = await freePort();
  const logFile = path.join(dataDir, 'bench', 'logs', `gateway-baseline-${port}.log`);
  const started = await spawnService({ name: 'gateway', cwd, port, env: { LOG_LEVEL: 'warn', ...gatewayEnv }, logFile });
  return { ...started, url: `http://127.0.0.1:${port}` };
}
const baseline = values.baseline ? await startGateway(path.join(values.baseline, 'gateway')) : undefined;
const framework = await startReferenceProxy('framework-proxy', auth.url);
try {
  const targets: Record<string, string> = { gateway: `${gateway.url}/auth/health`, direct: `${auth.url}/health`, framework: `${framework.url}/health` };
  if (baseline) targets.baseline = `${baseline.url}/auth/health`;
  const pids = pidsOf({ gateway: gateway.url, auth: auth.url, framework: framework.url, ...(baseline ? { baseline: baseline.url } : {}) });
  for (const url of Object.values(targets)) await fire({ url, connections: 16, durationSec: 2 });
  const names = Object.keys(targets);
  const rps: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let round = 0; round < rounds; round += 1) {
    for (let i = 0; i < names.length; i += 1) {
      const name = names[(round + i) % names.length]!;
      const { result, cpu } = await measureCpu(pids, () => fire({ url: targets[name]!, connections: 16, durationSec: seconds }));
      rps[name]!.push(result.rps);
      console.log(`${name.padEnd(8)} ${describeLoad(result)} | ${describeCpuPerRequest(cpu, result.ok)}`);
    }
  }
  const ratio = (a: string, b: string) => (median(rps[a]!) / median(rps[b]!)).toFixed(3);
  console.log(names.filter((n) => n !== 'direct').map((n) => `${n} / direct: ${ratio(n, 'direct')}`).join('; '));
} finally {
  await framework.stop();
  await baseline?.stop();
  await gateway.stop();
  await auth.stop();
  await infra.stop();
}
if (profile) console.log(`profile written to ${profileDir}`);
