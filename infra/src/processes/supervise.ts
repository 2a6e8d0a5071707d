import type { ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { createCrashLog, DEFAULT_RESTART_POLICY, type RestartPolicy } from './restart-policy.js';
import { spawnService, type SpawnServiceOptions } from './spawn-service.js';

export interface SupervisedService {
  name: string;
  url: string;
  /** The process serving now: a new one after every restart. */
  readonly child: ChildProcess;
  /** How many times it was brought back after an unexpected exit. */
  readonly restarts: number;
  /** Stops the process for good: no restart follows, and a restart under way is abandoned. */
  stop(): Promise<void>;
}

export interface SupervisionOptions {
  log: (line: string) => void;
  /** Called once, when the process crashed too often to keep trying. */
  onGiveUp: (err: Error) => void;
  policy?: RestartPolicy;
  /** The name in log lines, when several instances of one service run (payment-service-2). */
  label?: string;
}

const describeExit = (code: number | null, signal: NodeJS.Signals | null) => (signal ? `signal ${signal}` : `exit code ${code}`);

/**
 * Runs a service the way a container runtime would: started once (a failure to start is the
 * caller's to report), then brought back whenever it exits without our stop(), after a delay
 * that grows with each crash, until the policy gives up. Only stop() ends it quietly.
 */
export async function superviseService(spawn: SpawnServiceOptions, supervision: SupervisionOptions): Promise<SupervisedService> {
  const { log, onGiveUp } = supervision;
  const label = supervision.label ?? spawn.name;
  const crashes = createCrashLog(supervision.policy ?? DEFAULT_RESTART_POLICY);
  const stopping = new AbortController();
  let current = await spawnService(spawn);
  let restarts = 0;
  let restarting: Promise<void> | undefined;

  async function bringBack(how: string) {
    for (;;) {
      const verdict = crashes.record(Date.now());
      if (verdict.giveUp) {
        const message = `${label} stopped unexpectedly ${verdict.recentCrashes} times within ${(supervision.policy ?? DEFAULT_RESTART_POLICY).windowMs / 1000} s (last: ${how}); giving up on it`;
        log(message);
        onGiveUp(new Error(message));
        return;
      }
      log(`${label} stopped unexpectedly (${how}); restarting it in ${verdict.delayMs} ms`);
      try {
        await sleep(verdict.delayMs, undefined, { signal: stopping.signal });
        const begun = Date.now();
        current = await spawnService({ ...spawn, signal: stopping.signal });
        restarts++;
        log(`${label} restarted (ready in ${((Date.now() - begun) / 1000).toFixed(1)} s, pid ${current.child.pid})`);
        watch(current.child);
        return;
      } catch (err) {
        if (stopping.signal.aborted) return;
        how = (err as Error).message;
      }
    }
  }

  function watch(child: ChildProcess) {
    child.once('exit', (code, signal) => {
      if (stopping.signal.aborted) return;
      restarting = bringBack(describeExit(code, signal)).finally(() => {
        restarting = undefined;
      });
    });
  }
  watch(current.child);

  return {
    name: spawn.name,
    url: current.url,
    get child() {
      return current.child;
    },
    get restarts() {
      return restarts;
    },
    async stop() {
      stopping.abort();
      await restarting;
      await current.stop();
    },
  };
}
