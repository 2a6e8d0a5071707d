import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '@paymesh/infra/stack';
import { ANALYSIS_HEADING, DETAIL_HEADING } from '../lib/report.js';

/**
 * Puts bench/analysis.md into docs/benchmarks.md without measuring again: the analysis is
 * written after a run has produced the figures it discusses.
 * `npx tsx bench/src/tools/refresh-analysis.ts`
 */
const docPath = path.join(repoRoot, 'docs', 'benchmarks.md');
const doc = readFileSync(docPath, 'utf8');
const analysis = readFileSync(path.join(repoRoot, 'bench', 'analysis.md'), 'utf8').trim();
const start = doc.indexOf(`\n${ANALYSIS_HEADING}\n`);
const end = doc.indexOf(`\n${DETAIL_HEADING}\n`);
if (start < 0 || end < start) throw new Error(`${docPath} has no "${ANALYSIS_HEADING}" section followed by "${DETAIL_HEADING}"`);
writeFileSync(docPath, `${doc.slice(0, start)}\n${ANALYSIS_HEADING}\n\n${analysis}\n${doc.slice(end)}`);
process.stdout.write(`analysis refreshed in ${path.relative(repoRoot, docPath)}\n`);
