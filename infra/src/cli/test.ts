import { spawn } from 'node:child_process';
import { loadInfraConfig } from '../config.js';
import { ensureInfra } from '../infra.js';
import { repoRoot } from '../paths.js';
import type { Counts } from '../test-runner/parse-counts.js';
import { failureDetails } from '../test-runner/failure-details.js';
import { SUITES, type Suite } from '../test-runner/suites.js';

/**
 * `npm test`: brings up (or finds) the broker and the database once, runs every workspace's
 * suite against them, prints one summary line summing all suites, and stops what it started.
 * A suite that crashes before reporting counts as one failure, so nothing fails silently.
 */
const log = (line: string) => console.log(`[test] ${line}`);

function runSuite(suite: Suite): Promise<{ counts: Counts; exitCode: number; seconds: number; output: string }> {
  const begun = Date.now();
  return new Promise((resolve) => {
    const child = spawn('npm', ['--silent', ...suite.npmArgs], {
      cwd: repoRoot,
      env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const tee = (chunk: Buffer, to: NodeJS.WriteStream) => {
      output += chunk.toString();
      to.write(chunk);
    };
    child.stdout.on('data', (c: Buffer) => tee(c, process.stdout));
    child.stderr.on('data', (c: Buffer) => tee(c, process.stderr));
    child.on('close', (code) => {
      const exitCode = code ?? 1;
      const parsed = suite.parse(output);
      const counts = parsed ?? { passed: 0, failed: 1, skipped: 0 };
      // A runner that exits non-zero with no failing test still failed (e.g. a crash in teardown).
      if (exitCode !== 0 && counts.failed === 0) counts.failed = 1;
      resolve({ counts, exitCode, seconds: (Date.now() - begun) / 1000, output });
    });
  });
}

const infra = await ensureInfra(loadInfraConfig(), log);
const rows: string[] = [];
const failures: string[] = [];
const total: Counts = { passed: 0, failed: 0, skipped: 0 };
try {
  for (const suite of SUITES) {
    log(`── ${suite.name} ──`);
    const { counts, seconds, output } = await runSuite(suite);
    if (counts.failed > 0) failures.push(`── ${suite.name}: what failed ──\n${failureDetails(output) ?? output.trimEnd().split('\n').slice(-40).join('\n')}`);
    total.passed += counts.passed;
    total.failed += counts.failed;
    total.skipped += counts.skipped;
    rows.push(`${suite.name.padEnd(20)} ${String(counts.passed).padStart(4)} passed ${String(counts.failed).padStart(3)} failed  ${seconds.toFixed(1).padStart(6)} s`);
  }
} finally {
  await infra.stop();
}

if (failures.length > 0) console.log('\n' + failures.join('\n\n'));
console.log('\n' + rows.join('\n'));
console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
process.exit(total.failed > 0 ? 1 : 0);
