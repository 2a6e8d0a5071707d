import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

// Linux reports process times in clock ticks; 100 per second on every mainstream kernel build.
const TICKS_PER_SECOND = 100;

/** The process listening on 127.0.0.1:`port` (or any address), found through /proc (Linux only). */
export function pidListeningOn(port: number): number | undefined {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let lines: string[];
    try {
      lines = readFileSync(table, 'utf8').split('\n').slice(1);
    } catch {
      continue;
    }
    for (const line of lines) {
      const f = line.trim().split(/\s+/);
      // f[1] is local address:port, f[3] the state (0A = LISTEN), f[9] the socket inode.
      if (f[1]?.endsWith(`:${hexPort}`) && f[3] === '0A' && f[9]) inodes.add(f[9]);
    }
  }
  if (inodes.size === 0) return undefined;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${entry}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${entry}/fd/${fd}`));
        if (m && inodes.has(m[1]!)) return Number(entry);
      } catch {
        // fd closed meanwhile
      }
    }
  }
  return undefined;
}

/** CPU seconds (user + system, all threads) a process has used so far. */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // After the name: state is field 3, so utime (14) and stime (15) are at indexes 11 and 12.
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

/** CPU used by each named process while `work` runs, in seconds. */
export async function measureCpu<T>(pids: Record<string, number | undefined>, work: () => Promise<T>): Promise<{ result: T; cpu: Record<string, number> }> {
  const read = () => Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, pid === undefined ? Number.NaN : cpuSeconds(pid)]));
  const before = read();
  const self = process.cpuUsage();
  const result = await work();
  const after = read();
  const selfUsed = process.cpuUsage(self);
  const cpu = Object.fromEntries(Object.keys(pids).map((name) => [name, after[name]! - before[name]!]));
  cpu['load generator'] = (selfUsed.user + selfUsed.system) / 1e6;
  return { result, cpu };
}

const portOf = (url: string) => Number(new URL(url).port);

/** Pids of the services behind these URLs, by the port they listen on. */
export function pidsOf(urls: Record<string, string>): Record<string, number | undefined> {
  return Object.fromEntries(Object.entries(urls).map(([name, url]) => [name, pidListeningOn(portOf(url))]));
}

/** "gateway 1.1 · auth 0.32 · load generator 0.21 ms CPU per request", dropping processes that did nothing. */
export function describeCpuPerRequest(cpu: Record<string, number>, requests: number): string {
  const parts = Object.entries(cpu)
    .filter(([, seconds]) => Number.isFinite(seconds) && (seconds * 1000) / requests >= 0.01)
    .map(([name, seconds]) => `${name} ${((seconds * 1000) / Math.max(1, requests)).toFixed(2)}`);
  return `${parts.join(' · ')} ms CPU per request`;
}
