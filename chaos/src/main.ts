/**
 * `npm run chaos`: a fault campaign against a whole mesh of real processes, then a check of
 * everything every client was told against the database, the topic and the stats.
 *   --quick            about two minutes (CI)
 *   --seed N           the fault schedule and workload choices of an earlier run
 *   --minutes M        how long faults are injected (default 20)
 *   --users N          users working at once
 * Exits 0 when every check passes, 1 on any violation, 2 when the campaign could not run.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadChaosConfig } from './config.js';
import { runCampaign } from './campaign.js';

const begun = Date.now();
const log = (line: string) => console.log(`[chaos +${((Date.now() - begun) / 1000).toFixed(1)}s] ${line}`);

try {
  const config = loadChaosConfig();
  const given = process.argv.slice(2).join(' ').replace(/--seed[= ]\S+/, '').trim();
  log(`replay this campaign with: npm run chaos -- ${given ? `${given} ` : ''}--seed ${config.seed}`);
  const verdict = await runCampaign(config, log);
  writeFileSync(path.join(config.workDir, 'report.txt'), `${verdict.report}\n`);
  log(`history: ${path.join(config.workDir, 'history.jsonl')}; service logs: ${path.join(config.workDir, 'logs')}`);
  console.log(verdict.report);
  // Exit now: idle keep-alive sockets to the stopped mesh must not keep us waiting.
  process.exit(verdict.results.every((r) => r.ok) ? 0 : 1);
} catch (err) {
  console.error(`[chaos] could not run the campaign: ${(err as Error).stack ?? String(err)}`);
  console.log('chaos: 0 checks passed, 1 failed');
  process.exit(2);
}
