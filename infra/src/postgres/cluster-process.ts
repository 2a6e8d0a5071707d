import { fork } from 'node:child_process';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { superuserUrl } from './connection.js';

export interface ClusterProcessOptions {
  port: number;
  dataDir: string;
  superuserPassword: string;
}

export interface RunningClusterProcess {
  superuserUrl: string;
  stop(): Promise<void>;
}

const supervisor = path.join(path.dirname(fileURLToPath(import.meta.url)), 'supervisor.ts');

/** Starts PostgreSQL under its supervisor process and resolves once it accepts connections. */
export async function startClusterProcess(o: ClusterProcessOptions): Promise<RunningClusterProcess> {
  mkdirSync(path.dirname(o.dataDir), { recursive: true });
  const logFile = path.join(path.dirname(o.dataDir), 'postgres.log');
  const logFd = openSync(logFile, 'a');
  const child = fork(supervisor, [String(o.port), o.dataDir, o.superuserPassword], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', logFd, logFd, 'ipc'],
  });
  closeSync(logFd);
  const exited = new Promise<number>((resolve) => child.once('exit', (code) => resolve(code ?? 1)));
  const ready = new Promise<void>((resolve) => child.once('message', () => resolve()));
  const outcome = await Promise.race([ready.then(() => 'ready' as const), exited]);
  if (outcome !== 'ready') throw new Error(`PostgreSQL failed to start (exit ${outcome}); see ${logFile}`);
  child.disconnect();
  return {
    superuserUrl: superuserUrl(o.port, o.superuserPassword),
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
  };
}
