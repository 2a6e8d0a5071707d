/**
 * `npm run bench:login -w @paymesh/auth-service`: login latency at the default bcrypt cost, and
 * what a storm of concurrent logins does to other requests (/health) with and without the
 * hashing pool. Needs the database (AUTH_DATABASE_URL, default the local one).
 */
import { createLogger } from '@paymesh/shared/logger';
import { loadAuthConfig } from '../../src/config.js';
import { startService } from '../../src/service.js';
import { buildCredentials } from '../support/factories.js';
import { call } from '../support/http.js';

const STORM = 20;
const percentile = (list: number[], p: number) => [...list].sort((a, b) => a - b)[Math.min(list.length - 1, Math.floor(list.length * p))]!;
const round = (ms: number) => Math.round(ms * 10) / 10;

async function timed<T>(fn: () => Promise<T>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

async function measure(workers: number) {
  const config = loadAuthConfig({ ...process.env, PORT: '0', AUTH_HASH_WORKERS: String(workers) });
  const service = await startService(config, createLogger('bench', 'silent'));
  try {
    const user = buildCredentials();
    await call(`${service.url}/register`, { body: user });
    const login = () => call(`${service.url}/login`, { body: user });
    for (let i = 0; i < 3; i++) await login();

    const sequential: number[] = [];
    for (let i = 0; i < 10; i++) sequential.push(await timed(login));

    const health: number[] = [];
    let storming = true;
    const probe = (async () => {
      while (storming) {
        health.push(await timed(() => call(`${service.url}/health`)));
        // Paced like a load balancer's probe, so the probe itself does not compete for the CPU.
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    })();
    const stormMs = await timed(() => Promise.all(Array.from({ length: STORM }, login)));
    storming = false;
    await probe;

    return {
      workers: workers === 0 ? 'none (event loop)' : workers,
      cost: config.AUTH_BCRYPT_COST,
      login_p50_ms: round(percentile(sequential, 0.5)),
      login_max_ms: round(Math.max(...sequential)),
      storm_total_ms: round(stormMs),
      health_during_storm_n: health.length,
      health_p50_ms: round(percentile(health, 0.5)),
      health_p95_ms: round(percentile(health, 0.95)),
      health_max_ms: round(Math.max(...health)),
    };
  } finally {
    await service.stop();
  }
}

const rows = [];
for (const workers of [loadAuthConfig().AUTH_HASH_WORKERS, 0]) rows.push(await measure(workers));
console.table(rows);
