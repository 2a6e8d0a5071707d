import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startClusterProcess, type RunningClusterProcess } from '@paymesh/infra/postgres';
import { isPortOpen, waitFor } from '@paymesh/infra/testing';
import { commandLine, isAlive, parentOf } from './process-lookup.js';

export interface PostgresControl {
  /** An immediate shutdown (SIGQUIT to the postmaster): every backend dies, no checkpoint; recovery replays the WAL. */
  stopImmediately(): Promise<void>;
  /** Starts the server again on the same data; resolves once it accepts connections. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export interface PostgresTarget {
  port: number;
  dataDir: string;
  superuserPassword: string;
}

export function createPostgresControl(target: PostgresTarget, log: (line: string) => void): PostgresControl {
  let restarted: RunningClusterProcess | undefined;
  const postmaster = () => Number(readFileSync(path.join(target.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  return {
    async stopImmediately() {
      const pid = postmaster();
      const supervisor = parentOf(pid);
      process.kill(pid, 'SIGQUIT');
      await waitFor('PostgreSQL to stop listening', async () => !(await isPortOpen(target.port)), 15_000, 100);
      // The node process that ran this postmaster has nothing left to do, but its exit hook
      // would wait forever for a server that is gone: make sure it is gone too.
      if (supervisor && commandLine(supervisor)?.includes(target.dataDir)) {
        await waitFor('the old PostgreSQL supervisor to exit', () => Promise.resolve(!isAlive(supervisor)), 3_000, 100).catch(() => {
          log(`PostgreSQL supervisor ${supervisor} outlived its server; killing it`);
          process.kill(supervisor, 'SIGKILL');
        });
      }
    },
    async restart() {
      await restarted?.stop();
      restarted = await startClusterProcess(target);
    },
    async stop() {
      await restarted?.stop();
    },
  };
}
