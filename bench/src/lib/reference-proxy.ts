import path from 'node:path';
import { dataDir, repoRoot } from '@paymesh/infra/stack';
import { spawnService } from '@paymesh/infra/processes';
import { freePort } from '@paymesh/infra/testing';

/**
 * The reference proxies of bench/src/reference, each a process of its own in front of `target`:
 * `bare-proxy` (node:http only) and `framework-proxy` (Express + http-proxy-middleware only).
 */
export type ReferenceProxy = 'bare-proxy' | 'framework-proxy';

/**
 * Started like the mesh's services (bench/src/lib/bench-mesh.ts): in a session of its own. On
 * a busy machine with sched_autogroup each session gets an equal share of the CPU, so a
 * reference left in the bench's session would be scheduled differently from the gateway it is
 * compared with.
 */
export async function startReferenceProxy(kind: ReferenceProxy, target: string): Promise<{ url: string; stop(): Promise<void> }> {
  const port = await freePort();
  // node --import tsx rather than the tsx binary, so the pid behind the port is the proxy itself (CPU is read per pid).
  const proxy = await spawnService({
    name: kind,
    cwd: path.join(repoRoot, 'bench'),
    port,
    env: {},
    logFile: path.join(dataDir, 'bench', 'logs', `${kind}-${port}.log`),
    args: ['--import', 'tsx', path.join(repoRoot, 'bench', 'src', 'reference', `${kind}.ts`), String(port), target],
    readyPath: '/health',
    readyTimeoutMs: 20_000,
  });
  return { url: `http://127.0.0.1:${port}`, stop: () => proxy.stop() };
}
