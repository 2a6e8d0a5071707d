import { readdirSync, readFileSync } from 'node:fs';
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

const groupSeconds = (pids: number[]) =>
  pids.reduce((sum, pid) => {
    try {
      return sum + cpuSeconds(pid);
    } catch {
      return sum; // exited meanwhile: its time is lost to both readings' difference
    }
  }, 0);

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
  const before = Object.fromEntries(Object.entries(pidsBefore).map(([name, pids]) => [name, groupSeconds(pids)]));
  const machine = machineTicks();
  const self = process.cpuUsage();
  const result = await work();
  const selfUsed = process.cpuUsage(self);
  const machineAfter = machineTicks();
  const cpu = Object.fromEntries(Object.entries(pidsBefore).map(([name, pids]) => [name, groupSeconds(pids) - before[name]!]));
  cpu['load generator'] = (selfUsed.user + selfUsed.system) / 1e6;
  return { result, cpu, machineBusy: (machineAfter.busy - machine.busy) / Math.max(1, machineAfter.total - machine.total) };
}
