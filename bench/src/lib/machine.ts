import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { kafkaLibDir } from '@paymesh/infra/kafka';
import { repoRoot } from '@paymesh/infra/stack';

export interface Machine {
  cpus: string;
  memory: string;
  os: string;
  /** Whether the kernel shares CPU time between sessions first (B8 depends on it). */
  sched_autogroup: string;
  node: string;
  java: string;
  kafka: string;
  postgres: string;
  autocannon: string;
  /** The paced load generator's HTTP client (bench/src/lib/paced-load.ts). */
  undici: string;
  /** The machine is shared: what else ran shows in the load average around the run. */
  'load average (1 min) at start': string;
}

/** "on", "off", or "absent" where the kernel has no such setting (not Linux, or built without it). */
export function schedAutogroup(): string {
  try {
    return readFileSync('/proc/sys/kernel/sched_autogroup_enabled', 'utf8').trim() === '1' ? 'on' : 'off';
  } catch {
    return 'absent';
  }
}

function javaVersion(): string {
  // `java -version` writes to stderr.
  const { stderr } = spawnSync('java', ['-version'], { encoding: 'utf8' });
  return stderr?.split('\n').find((line) => line.includes('version'))?.trim() ?? 'unknown';
}

function kafkaVersion(): string {
  const jar = readdirSync(kafkaLibDir).find((f) => /^kafka-clients-.*\.jar$/.test(f));
  return jar ? jar.replace(/^kafka-clients-|\.jar$/g, '') : 'unknown';
}

async function postgresVersion(superuserUrl: string): Promise<string> {
  const client = new pg.Client({ connectionString: superuserUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version: string }>('show server_version');
    return rows[0]?.server_version ?? 'unknown';
  } finally {
    await client.end();
  }
}

/** What the figures were measured on: they mean little without it. */
export async function describeMachine(superuserUrl: string): Promise<Machine> {
  const cpus = os.cpus();
  const versionOf = (pkg: string) => (JSON.parse(readFileSync(path.join(repoRoot, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;
  return {
    cpus: `${os.availableParallelism()} × ${cpus[0]?.model.trim() ?? 'unknown'}`,
    memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    sched_autogroup: schedAutogroup(),
    node: process.version,
    java: javaVersion(),
    kafka: kafkaVersion(),
    postgres: await postgresVersion(superuserUrl),
    autocannon: versionOf('autocannon'),
    undici: versionOf('undici'),
    'load average (1 min) at start': os.loadavg()[0]!.toFixed(2),
  };
}
