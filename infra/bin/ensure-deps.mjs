#!/usr/bin/env node
// Runs before `npm start` and `npm test`: on a fresh clone, installs the locked dependencies
// (npm ci) so the quick start is two commands. Plain JS, because tsx is not installed yet.
//
// This runs on whatever Node the machine has. The mesh and the tests do not: the `node`
// dev dependency installs Node 24 as node_modules/.bin/node, and the root scripts start
// everything after this step with that binary.
import { existsSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const marker = path.join(root, 'node_modules', '.package-lock.json');
const lock = path.join(root, 'package-lock.json');
// The `node` package's install script links the real binary here; skipped install scripts
// (--ignore-scripts) leave the .bin link dangling.
const runtime = path.join(root, 'node_modules', 'node', 'bin', 'node');

// npm 11, which installs everything, itself needs Node 20.17 or newer.
const [major] = process.versions.node.split('.').map(Number);
if (major < 20) {
  console.error(`paymesh needs Node 20 or newer to install itself (it then runs on Node 24 from the \`node\` package); this is ${process.version}`);
  process.exit(1);
}

const stale = !existsSync(marker) || !existsSync(runtime) || statSync(lock).mtimeMs > statSync(marker).mtimeMs + 1000;
if (stale) {
  console.log('[paymesh] installing dependencies (npm ci)…');
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (!existsSync(runtime)) {
  console.error('[paymesh] node_modules/node/bin/node is missing: the `node` package\'s install script did not run (is ignore-scripts set?). Run `npm rebuild node`.');
  process.exit(1);
}
