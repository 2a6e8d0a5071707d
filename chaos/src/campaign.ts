import path from 'node:path';
import { EDGE_LIMITS_OFF, startMesh, type Mesh } from '@paymesh/infra/stack';
import { kafkaMetadataFilter, startTcpProxy, type TcpProxy } from '@paymesh/infra/net';
import type { ChaosConfig } from './config.js';
import { FAULT_KINDS } from './faults/fault-kinds.js';
import { runSchedule, type FaultRecord } from './faults/injector.js';
import { meshProbe } from './faults/mesh-probe.js';
import { planFaults } from './faults/schedule.js';
import { startOwnInfra, type OwnInfra } from './infra/own-infra.js';
import { seededRandom } from './random.js';
import { verifyCampaign, type Verdict } from './verify.js';
import { createHistory } from './workload/history.js';
import { registerUser } from './workload/users.js';
import { startWorkload } from './workload/workload.js';

const CLIENT = { timeoutMs: 15_000, giveUpAfterMs: 60_000 };

/** The environment every service of the campaign's mesh gets: a cheap hash, and no edge limits (one client IP is every user). */
const meshEnv = (config: ChaosConfig) => ({
  AUTH_BCRYPT_COST: '4',
  MAX_USER_TOTAL: config.cap.text,
  ...EDGE_LIMITS_OFF,
});

async function startCampaignMesh(config: ChaosConfig, own: OwnInfra, proxies: { postgres: TcpProxy; kafka: TcpProxy }, log: (line: string) => void): Promise<Mesh> {
  const paymentUrl = new URL(own.infra.databaseUrls.payment);
  paymentUrl.hostname = '127.0.0.1';
  paymentUrl.port = String(proxies.postgres.port);
  return startMesh({
    ports: 'free',
    infraConfig: own.config,
    logDir: path.join(config.workDir, 'logs'),
    log,
    env: meshEnv(config),
    serviceEnv: { 'payment-service': { PAYMENT_DATABASE_URL: paymentUrl.href, KAFKA_BROKERS: `127.0.0.1:${proxies.kafka.port}` } },
  });
}

/**
 * One campaign: its own broker and database, payment-service behind proxies to both, the
 * whole mesh, the workload, the seeded fault schedule, then recovery and every check.
 */
export async function runCampaign(config: ChaosConfig, log: (line: string) => void): Promise<Verdict> {
  const runId = `c${config.seed}`;
  const own = await startOwnInfra(config, log);
  const proxies = {
    postgres: await startTcpProxy({ target: { host: '127.0.0.1', port: config.ports.postgres } }),
    kafka: await startTcpProxy({ target: { host: '127.0.0.1', port: config.ports.kafka }, filter: kafkaMetadataFilter }),
  };
  let mesh: Mesh | undefined;
  try {
    mesh = await startCampaignMesh(config, own, proxies, log);
    let gaveUp: Error | undefined;
    void mesh.failed.then((err) => {
      gaveUp = err;
    });
    const client = { ...CLIENT, baseUrl: mesh.urls.gateway, keepBody: true };
    const probeUser = await registerUser(`${runId}_probe`, client);
    const history = createHistory(path.join(config.workDir, 'history.jsonl'));
    const workload = startWorkload({ gatewayUrl: mesh.urls.gateway, history, random: (w) => seededRandom(config.seed + 1 + w), concurrency: config.concurrency, runId, client: CLIENT });

    const plan = planFaults(seededRandom(config.seed), FAULT_KINDS, { durationMs: config.faultMs, rounds: config.rounds, gapMs: config.gapMs, soloShare: config.soloShare });
    log(`seed ${config.seed}: ${plan.length} faults planned${config.rounds ? '' : ` over ${(config.faultMs / 60_000).toFixed(1)} min`}, ${config.concurrency} users at a time`);
    let faults: FaultRecord[] = [];
    try {
      faults = await runSchedule(plan, { target: { mesh, infra: own, proxies }, meshAnswers: meshProbe(mesh, probeUser.token), log, recoveryTimeoutMs: 120_000, durationMs: config.faultMs });
    } finally {
      log('faults over; letting every operation under way finish');
      await workload.stop();
      await history.close();
    }
    log(`workload done: ${history.operations.length} operations by ${workload.usersRegistered} users`);
    return await verifyCampaign({ config, mesh, own, history, faults, givenUp: () => gaveUp, log });
  } finally {
    await mesh?.stop();
    await Promise.all([proxies.postgres.close(), proxies.kafka.close()]);
    await own.stop();
  }
}
