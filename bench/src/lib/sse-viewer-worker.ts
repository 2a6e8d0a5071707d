import { Agent } from 'node:http';
import { openViewer, type Viewer } from './sse-viewer.js';

/**
 * A crowd of dashboard viewers in a process of its own, driven over IPC by viewer-crowd.ts, so
 * the bench process's own timers and its reference viewer do not queue behind thousands of
 * sockets. Each group of `perAddress` viewers connects from its own loopback address
 * (127.1.x.y: Linux routes all of 127.0.0.0/8 to lo), as that many separate clients would.
 */
type Command = { type: 'open'; url: string; count: number; perAddress: number } | { type: 'start' } | { type: 'report' } | { type: 'close' };

const viewers: Viewer[] = [];
// Every update by its data line, with each viewer's arrival time.
let receipts = new Map<string, number[]>();
const agent = new Agent({ keepAlive: false, maxSockets: Infinity });
const send = (message: unknown) => process.send?.(message);

const addressOf = (group: number) => `127.1.${Math.floor(group / 250)}.${(group % 250) + 1}`;

async function open(url: string, count: number, perAddress: number) {
  const failures: Record<string, number> = {};
  const batch = 50;
  for (let i = 0; i < count; i += batch) {
    const opening = Array.from({ length: Math.min(batch, count - i) }, (_, j) =>
      openViewer(url, { localAddress: addressOf(Math.floor((i + j) / perAddress)), agent }, (data, at) => {
        const times = receipts.get(data);
        if (times) times.push(at);
        else receipts.set(data, [at]);
      }),
    );
    for (const outcome of await Promise.allSettled(opening)) {
      if (outcome.status === 'fulfilled') viewers.push(outcome.value);
      else failures[(outcome.reason as Error).message] = (failures[(outcome.reason as Error).message] ?? 0) + 1;
    }
  }
  send({ type: 'opened', open: viewers.length, failures });
}

process.on('message', (command: Command) => {
  if (command.type === 'open') void open(command.url, command.count, command.perAddress);
  if (command.type === 'start') {
    receipts = new Map();
    send({ type: 'started' });
  }
  if (command.type === 'report') send({ type: 'receipts', open: viewers.length, receipts: [...receipts] });
  if (command.type === 'close') {
    for (const viewer of viewers) viewer.close();
    process.exit(0);
  }
});
send({ type: 'ready' });
