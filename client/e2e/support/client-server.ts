import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { waitFor } from '@paymesh/infra/testing';
import { inheritedEnv } from '../config.js';

const clientDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
// The client's own Vite, wherever npm placed it (it is not always hoisted to the root).
const viteBin = path.join(path.dirname(createRequire(path.join(clientDir, 'package.json')).resolve('vite/package.json')), 'bin', 'vite.js');

function run(args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [viteBin, ...args], { cwd: clientDir, env: { ...inheritedEnv(), ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
}

export interface ClientServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * The production bundle, built for this gateway and served by `vite preview`: what people
 * get, and no dev-server dependency re-optimisation reloading the page mid-test.
 */
export async function serveBuiltClient(gatewayUrl: string, port: number): Promise<ClientServer> {
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'paymesh-client-'));
  const env = { VITE_GATEWAY_URL: gatewayUrl };
  await new Promise<void>((resolve, reject) => {
    const build = run(['build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], env);
    let output = '';
    build.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    build.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    build.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`vite build failed (${code}):\n${output}`))));
  });

  const preview = run(['preview', '--outDir', outDir, '--port', String(port), '--strictPort', '--host', '127.0.0.1'], env);
  const url = `http://127.0.0.1:${port}`;
  // Done when it answers, or when it exits (then the answer is the exit, not a 30 s wait).
  await waitFor(`vite preview at ${url}`, async () => preview.exitCode !== null || (await fetch(url).then((r) => r.ok, () => false)), 30_000, 200);
  if (preview.exitCode !== null) throw new Error(`vite preview exited with ${preview.exitCode}`);
  return {
    url,
    stop: () => new Promise((resolve) => {
      if (preview.exitCode !== null) return resolve();
      preview.once('exit', () => resolve());
      preview.kill('SIGTERM');
    }),
  };
}
