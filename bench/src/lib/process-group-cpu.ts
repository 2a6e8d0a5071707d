import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { cpuSeconds } from './cpu-time.js';

/** A process and its direct children: PostgreSQL runs one backend process per connection. */
export function withChildren(pid: number | undefined): number[] {
  if (pid === undefined) return [];
  const children: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // After the name: state, then the parent's pid.
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) children.push(Number(entry));
    } catch {
      // exited meanwhile
    }
  }
  return [pid, ...children];
}

/** CPU seconds per pid, leaving out processes that are gone. */
function readPids(pids: number[]): Map<number, number> {
  const seconds = new Map<number, number>();
  for (const pid of pids) {
    try {
      seconds.set(pid, cpuSeconds(pid));
    } catch {
      // exited meanwhile
    }
  }
  return seconds;
}

/** What the processes alive at both readings used in between: a backend that left takes its time with it. */
function usedBetween(before: Map<number, number>, after: Map<number, number>): number {
  let used = 0;
  for (const [pid, seconds] of after) used += seconds - (before.get(pid) ?? seconds);
  return used;
}

/** Busy and total CPU time of the whole machine so far, in clock ticks (first line of /proc/stat). */
function machineTicks(): { busy: number; total: number } {
  const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
  const ticks = fields.map(Number);
  const total = ticks.reduce((sum, n) => sum + n, 0);
  // idle and iowait are the 4th and 5th fields.
  return { busy: total - ticks[3]! - ticks[4]!, total };
}

export interface GroupCpu<T> {
  result: T;
  /** CPU seconds per named group while `work` ran, plus `load generator` (this process). */
  cpu: Record<string, number>;
  /** Share of the whole machine's CPU time that was busy meanwhile (1 = every core all the time). */
  machineBusy: number;
}

/**
 * CPU used by each named group of processes while `work` runs. The groups are listed once,
 * before: run it after a warm-up, when the pools' connections (and their backends) are open.
 */
export async function measureGroupCpu<T>(groups: Record<string, () => number[]>, work: () => Promise<T>): Promise<GroupCpu<T>> {
  const pidsBefore = Object.fromEntries(Object.entries(groups).map(([name, list]) => [name, list()]));
  const before = Object.fromEntries(Object.entries(pidsBefore).map(([name, pids]) => [name, readPids(pids)]));
  const machine = machineTicks();
  const self = process.cpuUsage();
  const result = await work();
  const selfUsed = process.cpuUsage(self);
  const machineAfter = machineTicks();
  const cpu = Object.fromEntries(Object.entries(pidsBefore).map(([name, pids]) => [name, usedBetween(before[name]!, readPids(pids))]));
  cpu['load generator'] = (selfUsed.user + selfUsed.system) / 1e6;
  return { result, cpu, machineBusy: (machineAfter.busy - machine.busy) / Math.max(1, machineAfter.total - machine.total) };
}

/** Socket inodes a process holds open. */
function socketInodes(pid: number): Set<string> {
  const inodes = new Set<string>();
  try {
    for (const fd of readdirSync(`/proc/${pid}/fd`)) {
      try {
        const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
        if (m) inodes.add(m[1]!);
      } catch {
        // closed meanwhile
      }
    }
  } catch {
    // exited
  }
  return inodes;
}

/**
 * The PostgreSQL backends serving these client processes, out of every backend of a cluster
 * other programs use too: each backend's title names its client's address and port
 * ("postgres: payment payment 127.0.0.1(43210) idle"), matched to the clients' own sockets.
 */
export function backendsServing(clientPids: number[], postmaster: number | undefined, pgPort: number): number[] {
  const inodes = new Set(clientPids.flatMap((pid) => [...socketInodes(pid)]));
  const clientPorts = new Set<number>();
  const hexPg = pgPort.toString(16).toUpperCase().padStart(4, '0');
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
      const f = line.trim().split(/\s+/);
      // f[1] local address:port, f[2] remote address:port, f[9] inode.
      if (f[2]?.endsWith(`:${hexPg}`) && f[9] && inodes.has(f[9])) clientPorts.add(parseInt(f[1]!.split(':').pop()!, 16));
    }
  }
  return withChildren(postmaster).slice(1).filter((pid) => {
    try {
      const port = /\((\d+)\)/.exec(readFileSync(`/proc/${pid}/cmdline`, 'utf8'))?.[1];
      return port !== undefined && clientPorts.has(Number(port));
    } catch {
      return false;
    }
  });
}
