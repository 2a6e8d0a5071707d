import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { dataDir, ensureInfra, loadInfraConfig, repoRoot, type Infra } from '@paymesh/infra/stack';
import { startBenchMesh, type BenchMesh } from './lib/bench-mesh.js';
import { createBenchLogger } from './lib/log.js';
import { describeMachine, type Machine } from './lib/machine.js';
import { benchmarkDocument, resultsTable, withAnalysis, type RowReport } from './lib/report.js';
import type { BenchContext } from './lib/row.js';
import { ROWS } from './rows/index.js';

/**
 * `npm run bench`: every row, full size, then the table on stdout and in docs/benchmarks.md.
 * `--quick`: tiny sizes, only to prove each row still runs (CI); it exits non-zero when a row
 * crashes, never because a target was missed. `--only B1,B3`: just those rows. `--events N`: the
 * size of B5/B6's pre-filled topic instead of a million (or 20,000 in quick mode). `--seconds S`,
 * `--rounds N`: every load run lasts S seconds, every row runs N rounds (a smoke test of the full
 * mode's code path, or a longer, steadier run). Only a run with none of these options replaces
 * docs/benchmarks.md. `--analysis-only`: measures nothing, puts bench/analysis.md into docs/benchmarks.md.
 */
const { values } = parseArgs({
  options: { 'analysis-only': { type: 'boolean', default: false }, quick: { type: 'boolean', default: false }, only: { type: 'string' }, write: { type: 'boolean' }, events: { type: 'string' }, seconds: { type: 'string' }, rounds: { type: 'string' } },
});
if (values['analysis-only']) {
  const docPath = path.join(repoRoot, 'docs', 'benchmarks.md');
  writeFileSync(docPath, withAnalysis(readFileSync(docPath, 'utf8'), readFileSync(path.join(repoRoot, 'bench', 'analysis.md'), 'utf8')));
  console.log(`analysis refreshed in ${path.relative(repoRoot, docPath)}`);
  process.exit(0);
}
const quick = values.quick;
const only = values.only?.split(',').map((id) => id.trim().toUpperCase());
const log = createBenchLogger();
const begun = Date.now();

let infra: Promise<Infra> | undefined;
let mesh: Promise<BenchMesh> | undefined;
const shared = new Map<string, Promise<unknown>>();
const cleanups: (() => Promise<void>)[] = [];
const ctx: BenchContext = {
  quick,
  log,
  ...(values.events ? { prefillEvents: Number(values.events) } : {}),
  seconds: (full, quickSeconds = 1) => (quick ? quickSeconds : values.seconds ? Number(values.seconds) : full),
  rounds: (full) => (quick ? 1 : values.rounds ? Number(values.rounds) : full),
  infra: () => (infra ??= ensureInfra(loadInfraConfig(), log)),
  mesh: () => (mesh ??= ctx.infra().then((i) => startBenchMesh(log, i))),
  once: <T>(key: string, make: () => Promise<T>) => {
    if (!shared.has(key)) shared.set(key, make());
    return shared.get(key) as Promise<T>;
  },
  onCleanup: (cleanup) => {
    cleanups.push(cleanup);
  },
};

const reports: RowReport[] = [];
let machine: Machine | undefined;
try {
  machine = await describeMachine((await ctx.infra()).superuserUrl);
  for (const row of ROWS.filter((r) => !only || only.includes(r.id))) {
    const rowBegun = Date.now();
    const load = os.loadavg()[0]!;
    const seconds = () => (Date.now() - rowBegun) / 1000;
    const missing = row.needs.filter((service) => !existsSync(path.join(repoRoot, service, 'src', 'main.ts')));
    if (missing.length > 0) {
      log(`${row.id}: not run, ${missing.join(', ')} not there yet`);
      reports.push({ row, status: 'not run', reason: `${missing.join(', ')} not there yet`, seconds: 0 });
      continue;
    }
    log(`${row.id}: ${row.title}`);
    try {
      const outcome = await row.run(ctx);
      reports.push({ row, status: 'measured', outcome, seconds: seconds(), load });
    } catch (err) {
      log(`${row.id} crashed: ${(err as Error).stack ?? String(err)}`);
      reports.push({ row, status: 'crashed', reason: (err as Error).message.split('\n')[0] ?? 'unknown', seconds: seconds(), load });
    }
  }
} finally {
  for (const cleanup of cleanups.reverse()) await cleanup().catch((err: Error) => log(`cleanup failed: ${err.message}`));
  if (mesh) await (await mesh.catch(() => undefined))?.stop();
  if (infra) await (await infra).stop();
}

const seconds = (Date.now() - begun) / 1000;
console.log(resultsTable(reports));
console.log(`\n${quick ? 'quick mode' : 'full run'}: ${reports.length} rows in ${seconds.toFixed(1)} s`);

const command = `npm run bench${quick ? ' -- --quick' : only ? ` -- --only ${only.join(',')}` : ''}`;
// Only a full run of every row may replace the published figures; anything else goes aside.
const publish = values.write ?? (!quick && !only && !values.events && !values.seconds && !values.rounds);
const target = publish ? path.join(repoRoot, 'docs', 'benchmarks.md') : path.join(dataDir, 'bench', 'last.md');
const analysisFile = path.join(repoRoot, 'bench', 'analysis.md');
const analysis = existsSync(analysisFile) ? readFileSync(analysisFile, 'utf8') : '';
mkdirSync(path.dirname(target), { recursive: true });
const described = { ...machine, 'load average (1 min) at the end': os.loadavg()[0]!.toFixed(2) };
writeFileSync(target, benchmarkDocument({ reports, machine: described, when: new Date(begun), seconds, command, analysis }));
log(`wrote ${path.relative(repoRoot, target)}`);

process.exit(reports.some((r) => r.status === 'crashed') ? 1 : 0);
