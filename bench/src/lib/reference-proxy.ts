import { spawn } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from '../../../infra/src/paths.js';
import { freePort, waitFor } from '../../../infra/src/wait-for.js';

/** The reference proxy of bench/src/reference/bare-proxy.ts as its own process, in front of `target`. */
export async function startBareProxy(target: string): Promise<{ url: string; stop(): Promise<void> }> {
  const port = await freePort();
  const child = spawn(path.join(repoRoot, 'node_modules', '.bin', 'tsx'), [path.join(repoRoot, 'bench', 'src', 'reference', 'bare-proxy.ts'), String(port), target], {
    stdio: 'ignore',
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  await waitFor('the bare reference proxy to answer', async () => (await fetch(`${url}/health`)).ok, 20_000, 100);
  return {
    url,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
