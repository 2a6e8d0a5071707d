import { ensureInfra, loadInfraConfig } from '@paymesh/infra/stack';
import { startReferenceProxy } from '../lib/reference-proxy.js';
import { describeLoad, fire } from '../lib/load.js';
import { startLoneService } from '../lib/lone-service.js';
import { firePaced } from '../lib/paced-load.js';

const infra = await ensureInfra(loadInfraConfig(), () => undefined);
const auth = await startLoneService('auth-service', { AUTH_DATABASE_URL: infra.databaseUrls.auth });
const huge = '1000000000';
const gateway = await startLoneService('gateway', {
  AUTH_SERVICE_URL: auth.url, PAYMENT_SERVICE_URL: auth.url, ANALYTICS_SERVICE_URL: auth.url,
  RATE_LIMIT_LOGIN_PER_IP: huge, RATE_LIMIT_LOGIN_PER_USERNAME: huge, RATE_LIMIT_REGISTER_PER_IP: huge, RATE_LIMIT_PER_IP: huge, RATE_LIMIT_PER_USER: huge,
});
const bare = await startReferenceProxy('bare-proxy', auth.url);
try {
  const targets = { direct: `${auth.url}/health`, gateway: `${gateway.url}/auth/health`, bare: `${bare.url}/health` };
  for (const url of Object.values(targets)) await fire({ url, connections: 16, durationSec: 2 });
  const max = await fire({ url: targets.direct, connections: 16, durationSec: 4 });
  const rate = Math.round(max.rps / 2);
  console.log(`direct max ${describeLoad(max)} → ${rate}/s`);
  for (let round = 0; round < 2; round += 1) {
    for (const [name, url] of Object.entries(targets)) {
      const a = await fire({ url, connections: 16, durationSec: 5, rate });
      const p = await firePaced({ url, connections: 16, durationSec: 5, rate });
      console.log(`${name.padEnd(8)} autocannon ${describeLoad(a)} | paced ${describeLoad(p)} lag p99 ${p.sendLagP99.toFixed(2)}`);
    }
  }
} finally {
  await bare.stop();
  await gateway.stop();
  await auth.stop();
  await infra.stop();
}
