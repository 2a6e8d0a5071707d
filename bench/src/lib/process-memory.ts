import { readdirSync, readFileSync } from 'node:fs';

function statusField(pid: number, field: string): number | undefined {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith(`${field}:`));
    return line ? Number(line.split(/\s+/)[1]) : undefined;
  } catch {
    return undefined;
  }
}

function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Field 4 of /proc/<pid>/stat is the parent; the name in field 2 may hold spaces, so split after ')'.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) children.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return children;
}

export interface TreeMemory {
  /** Resident memory of the largest process of the tree: the service itself, not tsx's launcher. */
  serviceMb: number;
  treeMb: number;
}

/** Resident memory (VmRSS) of a process and its descendants, from /proc (Linux). */
export function residentMemory(rootPid: number): TreeMemory {
  const pids = [rootPid];
  for (let i = 0; i < pids.length; i += 1) pids.push(...childrenOf(pids[i]!));
  const rss = pids.map((pid) => (statusField(pid, 'VmRSS') ?? 0) / 1024);
  return { serviceMb: Math.max(0, ...rss), treeMb: rss.reduce((a, b) => a + b, 0) };
}
