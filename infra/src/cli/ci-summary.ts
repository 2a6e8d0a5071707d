import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseMocha, type Counts } from '../test-runner/parse-counts.js';

/**
 * `.ci/run`'s last line: the sum of every suite it ran, read from their saved output. The fault
 * campaign ends "chaos: N checks passed, N failed", `npm test` ends "N passed, N failed", and
 * the contract check prints mocha's "N passing". A log with none of these counts as one failure,
 * so a step that printed nothing cannot pass unnoticed.
 */
function countsIn(output: string): Counts | null {
  const chaos = /chaos: (\d+) checks passed, (\d+) failed/.exec(output);
  if (chaos) return { passed: Number(chaos[1]), failed: Number(chaos[2]), skipped: 0 };
  const summaries = [...output.matchAll(/^(\d+) passed, (\d+) failed/gm)];
  const last = summaries.at(-1);
  if (last) return { passed: Number(last[1]), failed: Number(last[2]), skipped: 0 };
  return parseMocha(output);
}

const total = { passed: 0, failed: 0 };
for (const file of process.argv.slice(2)) {
  const counts = countsIn(readFileSync(file, 'utf8')) ?? { passed: 0, failed: 1, skipped: 0 };
  console.log(`[ci] ${path.basename(file, '.log').padEnd(16)} ${String(counts.passed).padStart(4)} passed ${String(counts.failed).padStart(3)} failed`);
  total.passed += counts.passed;
  total.failed += counts.failed;
}
console.log(`${total.passed} passed, ${total.failed} failed`);
process.exit(total.failed > 0 ? 1 : 0);
