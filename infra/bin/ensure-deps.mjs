#!/usr/bin/env node
// Runs before `npm start` and `npm test`: on a fresh clone, installs the locked dependencies
// (npm ci) so the quick start is two commands. Plain JS, because tsx is not installed yet.
import { existsSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const marker = path.join(root, 'node_modules', '.package-lock.json');
const lock = path.join(root, 'package-lock.json');

const [major] = process.versions.node.split('.').map(Number);
if (major < 20) {
  console.error(`paymesh needs Node 20 or newer; this is ${process.version}`);
  process.exit(1);
}

const stale = !existsSync(marker) || statSync(lock).mtimeMs > statSync(marker).mtimeMs + 1000;
if (stale) {
  console.log('[paymesh] installing dependencies (npm ci)…');
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
