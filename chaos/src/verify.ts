import pg from 'pg';
import { reconcile } from '@paymesh/analytics-service/reconcile';
import type { Mesh } from '@paymesh/infra/stack';
import { waitFor } from '@paymesh/infra/testing';
import { checkAnalyticsRestart } from './checker/analytics-restart.js';
import { checkHistory, type CheckResult } from './checker/checks.js';
import { readLedger, readTopic } from './checker/stores.js';
import type { ChaosConfig } from './config.js';
import type { FaultRecord } from './faults/injector.js';
import type { OwnInfra } from './infra/own-infra.js';
import { checksTable, countsTable, faultTable, summaryLine } from './report/table.js';
import type { History } from './workload/history.js';

export interface Verdict {
  results: CheckResult[];
  report: string;
}

export interface VerifyDeps {
  config: ChaosConfig;
  mesh: Mesh;
  own: OwnInfra;
  history: History;
  faults: FaultRecord[];
  givenUp: () => Error | undefined;
  log: (line: string) => void;
}

const GRACE_MS = 3_000;

async function settled(mesh: Mesh): Promise<CheckResult> {
  const name = 'after the faults, every service is ready and analytics has caught up';
  try {
    await waitFor(name, async () => {
      const ready = await Promise.all([mesh.urls.auth, mesh.urls.payment, mesh.urls.analytics].map(async (url) => (await fetch(`${url}/ready`)).ok));
      const stats = (await (await fetch(`${mesh.urls.analytics}/stats`)).json()) as { caught_up?: boolean };
      return ready.every(Boolean) && stats.caught_up === true;
    }, 180_000, 500);
    return { name, ok: true, detail: '' };
  } catch (err) {
    return { name, ok: false, detail: (err as Error).message };
  }
}

async function reconciled(mesh: Mesh, own: OwnInfra): Promise<CheckResult> {
  const pool = new pg.Pool({ connectionString: own.infra.databaseUrls.payment, max: 1 });
  try {
    const report = await reconcile({ analyticsUrl: mesh.urls.analytics, pool, settleMs: 60_000 });
    return { name: 'the stats equal the database (reconciliation)', ok: report.ok, detail: JSON.stringify(report.differences) };
  } finally {
    await pool.end();
  }
}

/**
 * A service must ride out a lost database or broker without dying: its supervisor would hide a
 * crash, so every restart not caused by one of our kills (or the analytics restart check) counts.
 */
function crashedOnTheirOwn(mesh: Mesh, faults: FaultRecord[]): CheckResult {
  const crashes = Object.values(mesh.services).flatMap((service) => {
    const kills = faults.filter((f) => f.kind === `SIGKILL ${service.name}` && !f.error).length + (service.name === 'analytics-service' ? 1 : 0);
    const own = service.restarts - kills;
    return own > 0 ? [`${service.name} exited ${own} time(s) without being killed (see its log)`] : [];
  });
  return { name: 'no service exited unless we killed it', ok: crashes.length === 0, detail: crashes.join('; ') };
}

/** Everything the campaign proves once the faults are over, and the table that says it. */
export async function verifyCampaign(d: VerifyDeps): Promise<Verdict> {
  d.log('waiting for the mesh to settle, then checking');
  const results: CheckResult[] = [await settled(d.mesh), await reconciled(d.mesh, d.own)];
  const ledger = await readLedger(d.own.infra.databaseUrls.payment);
  const topic = await readTopic(d.own.infra.brokers);
  const history = checkHistory({ operations: d.history.operations, ledger, events: topic.events, faults: d.faults, capCents: d.config.cap.cents, graceMs: GRACE_MS });
  results.push(...history.results);
  results.push({ name: 'every message on the topic is a valid event', ok: topic.malformed === 0, detail: `${topic.malformed} malformed` });
  const acked = history.counts.acknowledged;
  results.push({ name: 'the workload got writes through', ok: acked > 0, detail: 'no write was acknowledged' });
  results.push(await checkAnalyticsRestart(d.mesh.services['analytics-service']!, d.mesh.urls.analytics));
  results.push(crashedOnTheirOwn(d.mesh, d.faults));
  const gaveUp = d.givenUp();
  results.push({ name: 'the supervisor never gave up on a service', ok: gaveUp === undefined, detail: gaveUp?.message ?? '' });

  const writes = d.history.operations.filter((op) => op.kind === 'create' || op.kind === 'pay' || op.kind === 'replay').length;
  const report = [
    countsTable(history.counts, { attempted: writes }),
    faultTable(d.faults),
    checksTable(results),
    summaryLine(results),
  ].join('\n');
  return { results, report };
}
