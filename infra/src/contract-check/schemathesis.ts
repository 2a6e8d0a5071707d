import { spawn } from 'node:child_process';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { cacheDir } from '../paths.js';

/**
 * What schemathesis checks on every answer: no 5xx, and the document's status codes, content
 * types, bodies and headers. Not positive_data_acceptance: some rules have no JSON Schema form
 * (an amount's two decimals, a password counted in bytes, an opaque cursor), so a request the
 * schema allows may still rightly get a 400.
 */
export const CHECKS = ['not_a_server_error', 'status_code_conformance', 'content_type_conformance', 'response_schema_conformance', 'response_headers_conformance'];

/**
 * The live stream never ends, so a generated request to it could only time out; its status,
 * content type and refusals are covered by the gateway's stream tests instead.
 */
export const EXCLUDED_PATHS = ['/analytics/stats/stream'];

export interface SchemathesisRun {
  /** API operations tested, and how many of them had at least one failing check. */
  operations: number;
  failed: number;
  exitCode: number;
}

export interface SchemathesisOptions {
  schemaUrl: string;
  token: string;
  /** Test cases per operation and phase: with the time budget, what keeps the run to a minute or two. */
  maxExamples: number;
  maxTimeS: number;
  seed: number;
  checks: string[];
  reportDir: string;
}

const venvBin = (name: string) => path.join(cacheDir, 'schemathesis-venv', 'bin', name);

/** The junit report's totals: one test case per API operation, failed when any check failed on it. */
export function parseJunitTotals(xml: string): { tests: number; failures: number } {
  const suite = /<testsuite\b[^>]*>/.exec(xml)?.[0] ?? '';
  const attribute = (name: string) => Number(new RegExp(`\\b${name}="(\\d+)"`).exec(suite)?.[1] ?? 0);
  return { tests: attribute('tests'), failures: attribute('failures') + attribute('errors') };
}

/** Runs `st run` against the served document, streaming its output, and reads the totals from its junit report. */
export async function runSchemathesis(o: SchemathesisOptions): Promise<SchemathesisRun> {
  const junit = path.join(o.reportDir, 'junit.xml');
  await mkdir(o.reportDir, { recursive: true });
  const args = [
    'run', o.schemaUrl,
    '--header', `Authorization: Bearer ${o.token}`,
    '--checks', o.checks.join(','),
    ...EXCLUDED_PATHS.flatMap((p) => ['--exclude-path', p]),
    '--max-examples', String(o.maxExamples),
    '--max-time', String(o.maxTimeS),
    '--request-timeout', '10',
    '--workers', '2',
    '--seed', String(o.seed),
    '--report', 'junit', '--report-junit-path', junit,
    '--no-color',
  ];
  const exitCode = await new Promise<number>((resolve) => {
    // Its own working directory: schemathesis keeps a .schemathesis cache where it runs.
    const child = spawn(venvBin('st'), args, { cwd: o.reportDir, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', () => resolve(127));
    child.on('close', (code) => resolve(code ?? 1));
  });
  const xml = await readFile(junit, 'utf8').catch(() => '');
  const { tests, failures } = parseJunitTotals(xml);
  return { operations: tests, failed: exitCode !== 0 && failures === 0 ? 1 : failures, exitCode };
}
