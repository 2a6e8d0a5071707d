import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import path from 'node:path';
import { onExit } from 'signal-exit';
import { repoRoot } from '../paths.js';
import { waitFor } from '../wait-for.js';

export interface ServiceProcess {
  name: string;
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

export interface SpawnServiceOptions {
  /** The workspace folder, e.g. "payment-service"; the process runs there unless cwd says otherwise. */
  name: string;
  cwd?: string;
  port: number;
  env: Record<string, string>;
  /** Start from this environment instead of ours, e.g. only PATH, as a container would. */
  baseEnv?: NodeJS.ProcessEnv;
  /** File that receives the process's output (JSON log lines for services). */
  logFile: string;
  /** What to run; defaults to the service's composition root, run by node with the tsx loader. */
  command?: string;
  args?: string[];
  /** Path that answers 200 once the process can serve; defaults to /ready. */
  readyPath?: string;
  readyTimeoutMs?: number;
  /**
   * Run in the launcher's session instead of one of its own. Only for measuring what the
   * own session buys (bench B8); see spawnService.
   */
  sharedSession?: boolean;
  /** Aborting it kills the process, even while we still wait for it to be ready (a stop during a restart). */
  signal?: AbortSignal;
}

/** Children still running, terminated if we exit without stopping them (Ctrl-C, a crash). */
const running = new Set<ChildProcess>();
let exitHookInstalled = false;
function terminateOnExit(child: ChildProcess) {
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    // In a session of its own, a child no longer gets the terminal's Ctrl-C: we pass it on.
    onExit(() => {
      for (const c of running) c.kill('SIGTERM');
    });
  }
  running.add(child);
  child.once('exit', () => running.delete(child));
}

/** A package binary, from the workspace's own node_modules when npm put it there, else the root's. */
const bin = (name: string, workspace?: string) => {
  const local = workspace ? path.join(repoRoot, workspace, 'node_modules', '.bin', name) : undefined;
  return local && existsSync(local) ? local : path.join(repoRoot, 'node_modules', '.bin', name);
};

/**
 * Runs one part of the mesh as its own process, its output going to a file, and resolves
 * once it answers 200 on its readiness path. stop() sends SIGTERM, then SIGKILL after 10 s.
 *
 * Each process gets a session of its own (setsid), as a container would get a cgroup of its own.
 * On Linux with sched_autogroup (on by default in desktop distributions, and on these machines)
 * CPU time is shared between sessions first, and niceness ranks threads only within a session.
 * PostgreSQL already gives each backend a session of its own. While all our processes shared
 * the launcher's, queries stalled for 100-500 ms during a login storm; with a session per
 * process, or with autogroup turned off, they did not (bench B8; bench/analysis.md).
 */
export async function spawnService(o: SpawnServiceOptions): Promise<ServiceProcess> {
  mkdirSync(path.dirname(o.logFile), { recursive: true });
  // The child writes its log file itself: if we die first, it must not die of EPIPE on a pipe to us.
  const logFd = openSync(o.logFile, 'a');
  // `node --import tsx`, not the tsx binary: the wrapper would put a second process between
  // us and the service, and a SIGKILL after a hung stop would orphan the real one.
  const child = spawn(o.command ?? process.execPath, o.args ?? ['--import', 'tsx', 'src/main.ts'], {
    cwd: o.cwd ?? path.join(repoRoot, o.name),
    env: { ...(o.baseEnv ?? process.env), ...o.env, PORT: String(o.port) },
    stdio: ['ignore', logFd, logFd],
    detached: !o.sharedSession,
    ...(o.signal ? { signal: o.signal } : {}),
  });
  closeSync(logFd);
  terminateOnExit(child);
  let exitCode = null as number | null;
  const exited = new Promise<void>((resolve) => {
    child.once('exit', (code) => {
      exitCode = code ?? 1;
      resolve();
    });
    // A command that cannot be spawned at all (missing binary) reports here, not on exit.
    child.once('error', () => {
      exitCode ??= 127;
      resolve();
    });
  });
  const url = `http://localhost:${o.port}`;
  const readyUrl = `${url}${o.readyPath ?? '/ready'}`;

  try {
    await waitFor(`${o.name} to be ready at ${readyUrl}`, async () => {
      if (exitCode !== null) return true;
      const res = await fetch(readyUrl);
      return res.ok;
    }, o.readyTimeoutMs ?? 90_000, 250);
    if (exitCode !== null) throw new Error(`exited with ${exitCode}`);
  } catch (err) {
    child.kill('SIGKILL');
    throw new Error(`${o.name} did not become ready (${(err as Error).message}); see ${o.logFile}`, { cause: err });
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
    },
  };
}

export const binPath = bin;
