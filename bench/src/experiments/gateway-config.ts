import { ensureInfra, loadInfraConfig } from '@paymesh/infra/stack';
import { startReferenceProxy } from '../lib/reference-proxy.js';
import { describeCpuPerRequest, measureCpu, pidsOf } from '../lib/cpu-time.js';
import { describeLoad, fire } from '../lib/load.js';
import { startLoneService } from '../lib/lone-service.js';

/**
 * Experiment behind B1/B2's analysis: what the gateway's own settings cost. One auth-service,
 * three gateways in front of it (warn logs with the limiters on, as in the bench mesh; the
 * limiters off; info logs, the production default), a bare node:http proxy, and auth direct:
 * throughput and CPU per request of each, two rounds. `npx tsx bench/src/experiments/gateway-config.ts`
 */
const infra = await ensureInfra(loadInfraConfig(), () => undefined);
const auth = await startLoneService('auth-service', { AUTH_DATABASE_URL: infra.databaseUrls.auth });
const limits = (v: string) => ({ RATE_LIMIT_LOGIN_PER_IP: v, RATE_LIMIT_LOGIN_PER_USERNAME: v, RATE_LIMIT_REGISTER_PER_IP: v, RATE_LIMIT_PER_IP: v, RATE_LIMIT_PER_USER: v });
const configs: Record<string, Record<string, string>> = {
  'warn, limits on': { LOG_LEVEL: 'warn', ...limits('1000000000') },
  'warn, limits off': { LOG_LEVEL: 'warn', ...limits('0') },
  'info, limits on': { LOG_LEVEL: 'info', ...limits('1000000000') },
};
const upstreams = { AUTH_SERVICE_URL: auth.url, PAYMENT_SERVICE_URL: auth.url, ANALYTICS_SERVICE_URL: auth.url };
const gateways = await Promise.all(Object.values(configs).map((env) => startLoneService('gateway', { ...env, ...upstreams })));
const bare = await startReferenceProxy('bare-proxy', auth.url);
try {
  const names = Object.keys(configs);
  const targets: Record<string, string> = {
    direct: `${auth.url}/health`,
    bare: `${bare.url}/health`,
    ...Object.fromEntries(names.map((name, i) => [name, `${gateways[i]!.url}/auth/health`])),
  };
  const pids = pidsOf({ ...Object.fromEntries(names.map((name, i) => [name, gateways[i]!.url])), auth: auth.url, bare: bare.url });
  for (const url of Object.values(targets)) await fire({ url, connections: 16, durationSec: 2 });
  for (let round = 0; round < 2; round += 1) {
    for (const [name, url] of Object.entries(targets)) {
      const { result, cpu } = await measureCpu(pids, () => fire({ url, connections: 16, durationSec: 4 }));
      console.log(`${name.padEnd(18)} ${describeLoad(result)} | ${describeCpuPerRequest(cpu, result.ok)}`);
    }
  }
} finally {
  for (const gateway of gateways) await gateway.stop();
  await bare.stop();
  await auth.stop();
  await infra.stop();
}
