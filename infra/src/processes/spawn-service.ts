import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../paths.js';
import { waitFor } from '../wait-for.js';

export interface ServiceProcess {
  name: string;
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

export interface SpawnServiceOptions {
  /** The workspace folder, e.g. "payment-service". */
  name: string;
  port: number;
  env: Record<string, string>;
  /** File that receives the service's JSON log lines. */
  logFile: string;
  readyPath?: string;
  readyTimeoutMs?: number;
}

/**
 * Runs one service as its own process (`tsx src/main.ts` in its workspace), its logs going
 * to a file, and resolves once its readiness endpoint answers 200.
 */
export async function spawnService(o: SpawnServiceOptions): Promise<ServiceProcess> {
  mkdirSync(path.dirname(o.logFile), { recursive: true });
  const logStream = createWriteStream(o.logFile, { flags: 'a' });
  const tsx = path.join(repoRoot, 'node_modules', '.bin', 'tsx');
  const child = spawn(tsx, ['src/main.ts'], {
    cwd: path.join(repoRoot, o.name),
    env: { ...process.env, ...o.env, PORT: String(o.port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(logStream);
  child.stderr.pipe(logStream);
  let exitCode = null as number | null;
  const exited = new Promise<void>((resolve) => child.once('exit', (code) => {
    exitCode = code ?? 1;
    resolve();
  }));
  const url = `http://127.0.0.1:${o.port}`;

  try {
    await waitFor(`${o.name} to be ready at ${url}${o.readyPath ?? '/ready'}`, async () => {
      if (exitCode !== null) throw new Error('exited');
      const res = await fetch(`${url}${o.readyPath ?? '/ready'}`);
      return res.ok;
    }, o.readyTimeoutMs ?? 60_000, 250);
  } catch (err) {
    child.kill('SIGKILL');
    const why = exitCode !== null ? `exited with ${exitCode}` : (err as Error).message;
    throw new Error(`${o.name} did not become ready (${why}); see ${o.logFile}`, { cause: err });
  }

  return {
    name: o.name,
    url,
    child,
    async stop() {
      if (exitCode !== null) return;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(killer);
      logStream.end();
    },
  };
}
