import { ensureInfra, loadInfraConfig } from '@paymesh/infra/stack';
import { waitFor } from '@paymesh/infra/testing';
import { startBenchMesh } from '../lib/bench-mesh.js';
import { describeLoad, fire } from '../lib/load.js';
import { createBenchLogger } from '../lib/log.js';
import { registerUsers } from '../lib/users.js';
import { Pool } from 'undici';

/**
 * Experiment behind B8's analysis: where the list's storm-time stalls are. A bench mesh, a login
 * storm through the gateway (32 connections, as B8), and five probes at once, each printing the
 * moments it saw anything slow: the list through the gateway and straight at payment-service
 * (50/s each), a plain SQL query on its own connection, payment-service's /health (no database),
 * and this process's own timer (10 ms ticks). `npx tsx bench/src/experiments/storm-probes.ts`;
 * MESH_ENV='{"AUTH_HASH_NICE":"0"}' changes the mesh's environment; SHARED_SESSION=1 runs its
 * processes in this one's session (as before each got its own; see spawn-service.ts).
 */
const infra = await ensureInfra(loadInfraConfig(), () => undefined);
const mesh = await startBenchMesh(createBenchLogger('x'), infra, JSON.parse(process.env.MESH_ENV ?? '{}') as Record<string, string>, {
  sharedSession: process.env.SHARED_SESSION === '1',
});
try {
  const users = await registerUsers(mesh.urls.auth, 10, 'st');
  for (const u of users) for (let i = 0; i < 20; i++) await fetch(`${mesh.urls.gateway}/payment/transactions`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${u.token}` }, body: JSON.stringify({ amount: 1, description: 'x' }) });
  const logins = users.map((u) => JSON.stringify({ username: u.username, password: u.password }));
  let n = 0; let answered = 0;
  const t0 = performance.now();
  const storm = fire({ url: `${mesh.urls.gateway}/auth/login`, method: 'POST', connections: 32, durationSec: 14, headers: { 'content-type': 'application/json' }, setupRequest: (r) => ({ ...r, body: logins[(n += 1) % logins.length] }), onResponse: () => (answered += 1) });
  await waitFor('storm', () => Promise.resolve(answered >= 4), 30_000, 10);
  // two paced probes at 50/s each: through the gateway and straight at payment-service, timestamps of slow ones
  const probe = async (base: string, label: string) => {
    const pool = new Pool(new URL(base).origin, { connections: 4 });
    const slow: string[] = []; const lat: number[] = [];
    const jobs: Promise<void>[] = [];
    for (let k = 0; k < 500; k++) {
      await new Promise((r) => setTimeout(r, 20));
      const s = performance.now();
      jobs.push(pool.request({ path: `${new URL(base).pathname}/transactions/list`.replace('//', '/'), method: 'GET', headers: { authorization: `Bearer ${users[k % 10]!.token}` } }).then(async ({ body, statusCode }) => { await body.dump(); const ms = performance.now() - s; lat.push(ms); if (ms > 30) slow.push(`${((s - t0) / 1000).toFixed(2)}s:${ms.toFixed(0)}ms:${statusCode}`); }));
    }
    await Promise.all(jobs); await pool.close();
    lat.sort((a, b) => a - b);
    console.log(label, 'p50', lat[250]!.toFixed(1), 'p99', lat[495]!.toFixed(1), 'slow', slow.join(' '));
  };
  const pg = (await import('pg')).default;
  const client = new pg.Client({ connectionString: infra.databaseUrls.payment }); await client.connect();
  const sqlProbe = async () => { const slow: string[] = []; for (let k = 0; k < 500; k++) { await new Promise((r) => setTimeout(r, 20)); const s = performance.now(); await client.query('select count(*) from transactions where user_id = $1', [users[k % 10]!.id]); const ms = performance.now() - s; if (ms > 30) slow.push(`${((s - t0) / 1000).toFixed(2)}s:${ms.toFixed(0)}ms`); } console.log('sql    ', slow.join(' ')); };
  const healthProbe = async () => { const slow: string[] = []; for (let k = 0; k < 500; k++) { await new Promise((r) => setTimeout(r, 20)); const s = performance.now(); await (await fetch(`${mesh.urls.payment}/health`)).text(); const ms = performance.now() - s; if (ms > 30) slow.push(`${((s - t0) / 1000).toFixed(2)}s:${ms.toFixed(0)}ms`); } console.log('health ', slow.join(' ')); };
  const tick = async () => { const slow: string[] = []; let last = performance.now(); for (let k = 0; k < 1000; k++) { await new Promise((r) => setTimeout(r, 10)); const now = performance.now(); if (now - last > 40) slow.push(`${((now - t0) / 1000).toFixed(2)}s:${(now - last).toFixed(0)}ms`); last = now; } console.log('benchloop', slow.join(' ')); };
  await Promise.all([probe(`${mesh.urls.gateway}/payment`, 'gateway'), probe(`${mesh.urls.payment}`, 'direct '), sqlProbe(), healthProbe(), tick()]);
  await client.end();
  console.log('storm', describeLoad(await storm));
} finally {
  await mesh.stop();
  await infra.stop();
}
