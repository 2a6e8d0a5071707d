import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { EDGE_LIMITS_OFF } from '../edge-limits.js';
import { startMesh } from '../mesh.js';
import { cacheDir, repoRoot } from '../paths.js';
import { registerCheckUser } from '../contract-check/check-user.js';
import { CHECKS, runSchemathesis } from '../contract-check/schemathesis.js';

/**
 * `npm run contract-check`: starts a mesh of its own on free ports (finding the running broker and
 * database), registers a real user, and lets schemathesis generate requests from the gateway's
 * served /openapi.json. Every answer must be no 5xx and match the document's status codes,
 * content types and schemas. Prints mocha-style totals (one per API operation) so `npm test`
 * sums them like any suite, and exits 1 on any failure.
 */
const log = (line: string) => console.log(`[contract-check] ${line}`);
const argument = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const seed = Number(argument('--seed') ?? 1);
// More checks than the contract's, e.g. `--checks all`, to look for gaps by hand.
const checks = argument('--checks')?.split(',') ?? CHECKS;

const install = spawnSync('bash', [path.join(repoRoot, 'infra/contract-check/install-schemathesis.sh')], { stdio: 'inherit' });
if (install.status !== 0) {
  log('could not install schemathesis');
  console.log('0 passing\n1 failing');
  process.exit(1);
}

async function checkContract(gatewayUrl: string): Promise<number> {
  const begun = Date.now();
  const token = await registerCheckUser(gatewayUrl);
  const run = await runSchemathesis({
    schemaUrl: `${gatewayUrl}/openapi.json`,
    token,
    seed,
    checks,
    maxExamples: 20,
    maxTimeS: 60,
    reportDir: path.join(cacheDir, 'contract-check', 'report'),
  });
  const seconds = ((Date.now() - begun) / 1000).toFixed(1);
  log(`schemathesis: ${run.operations - run.failed} of ${run.operations} API operations passed in ${seconds} s (seed ${seed})`);
  console.log(`${run.operations - run.failed} passing\n${run.failed} failing`);
  return run.failed > 0 || run.exitCode !== 0 ? 1 : 0;
}

// One client IP sends every request, as fast as schemathesis can: the edge limits would answer
// most of them 429 (which the document lists), and the run would test little else.
const mesh = await startMesh({
  ports: 'free',
  log,
  logDir: path.join(cacheDir, 'contract-check', 'logs'),
  env: { AUTH_BCRYPT_COST: '4', ...EDGE_LIMITS_OFF },
});

const exitCode = await checkContract(mesh.urls.gateway).finally(() => mesh.stop());
process.exit(exitCode);
