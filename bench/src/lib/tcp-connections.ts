import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

/** Socket inodes a process holds open, from /proc/<pid>/fd (Linux). */
function socketInodes(pid: number): Set<string> {
  const inodes = new Set<string>();
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (m) inodes.add(m[1]!);
    } catch {
      // closed meanwhile
    }
  }
  return inodes;
}

/**
 * Established TCP connections that process `pid` holds to `port` (on any address), read from
 * the kernel's tables rather than from the process's own bookkeeping.
 */
export function establishedConnections(pid: number, port: number): number {
  const mine = socketInodes(pid);
  const hexPort = `:${port.toString(16).toUpperCase().padStart(4, '0')}`;
  let count = 0;
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
      const f = line.trim().split(/\s+/);
      // f[2] is the remote address:port, f[3] the state (01 = ESTABLISHED), f[9] the inode.
      if (f[2]?.endsWith(hexPort) && f[3] === '01' && f[9] && mine.has(f[9])) count += 1;
    }
  }
  return count;
}
