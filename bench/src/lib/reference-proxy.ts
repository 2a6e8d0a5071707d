import { spawn } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from '@paymesh/infra/stack';
import { freePort, waitFor } from '@paymesh/infra/testing';

/**
 * The reference proxies of bench/src/reference, each a process of its own in front of `target`:
 * `bare-proxy` (node:http only) and `framework-proxy` (Express + http-proxy-middleware only).
 */
export type ReferenceProxy = 'bare-proxy' | 'framework-proxy';

export async function startReferenceProxy(kind: ReferenceProxy, target: string): Promise<{ url: string; stop(): Promise<void> }> {
  const port = await freePort();
  // node --import tsx rather than the tsx binary, so the pid behind the port is the proxy itself (CPU is read per pid).
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'bench', 'src', 'reference', `${kind}.ts`), String(port), target], {
    cwd: path.join(repoRoot, 'bench'),
    stdio: 'ignore',
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`the ${kind} reference to answer`, async () => (await fetch(`${url}/health`)).ok, 20_000, 100);
  return {
    url,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
