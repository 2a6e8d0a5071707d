import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpuSeconds } from './cpu-time.js';

const WORKER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'sse-viewer-worker.ts');

export interface ViewerCrowd {
  pid: number;
  /** Opens `count` viewers of `url`, `perAddress` per loopback address; how many opened, and why others did not. */
  open(url: string, count: number, perAddress: number): Promise<{ open: number; failures: Record<string, number> }>;
  /** Forgets what arrived so far: the measured window starts now. */
  start(): Promise<void>;
  /** Every update's data line since start(), with each viewer's arrival time (ms since the epoch). */
  report(): Promise<{ open: number; receipts: Map<string, number[]> }>;
  cpuSeconds(): number;
  stop(): Promise<void>;
}

/** The dashboard viewers of sse-viewer-worker.ts, in a process of their own. */
export async function startViewerCrowd(): Promise<ViewerCrowd> {
  const child: ChildProcess = fork(WORKER, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exited = once(child, 'exit');
  const reply = async <T>(type: string, command?: unknown): Promise<T> => {
    const answer = new Promise<T>((resolve) => {
      const listen = (message: { type: string }) => {
        if (message.type !== type) return;
        child.off('message', listen);
        resolve(message as T);
      };
      child.on('message', listen);
    });
    if (command) child.send(command);
    return answer;
  };
  await reply('ready');
  return {
    pid: child.pid!,
    open: (url, count, perAddress) => reply('opened', { type: 'open', url, count, perAddress }),
    start: () => reply('started', { type: 'start' }),
    async report() {
      const { open, receipts } = await reply<{ open: number; receipts: [string, number[]][] }>('receipts', { type: 'report' });
      return { open, receipts: new Map(receipts) };
    },
    cpuSeconds: () => cpuSeconds(child.pid!),
    async stop() {
      if (child.exitCode === null) child.send({ type: 'close' });
      await exited;
    },
  };
}
