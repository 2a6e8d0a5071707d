import { spawn } from 'node:child_process';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { createLogger } from '@paymesh/shared/logger';
import { ensureTopics } from '@paymesh/shared/kafka';
import { ensureKafkaJars } from '@paymesh/infra/kafka';

export interface JavaRun {
  code: number;
  stdout: string;
  stderr: string;
  seconds: number;
}

/**
 * Runs one of the tools shipped in the broker's own jars (ConsumerPerformance, ConsoleProducer,
 * TopicCommand). `feed`, when given, writes the tool's standard input and must end it.
 */
export function runKafkaTool(className: string, args: string[], feed?: (stdin: Writable) => Promise<void>): Promise<JavaRun> {
  const libs = ensureKafkaJars(() => undefined);
  const begun = process.hrtime.bigint();
  // The classpath wildcard is expanded by java itself, not by a shell.
  const child = spawn('java', ['-Xmx512m', '-cp', `${path.join(libs, '*')}`, className, ...args], {
    stdio: [feed ? 'pipe' : 'ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve(code ?? 1));
  });
  return (async () => {
    if (feed && child.stdin) await feed(child.stdin);
    const code = await exited;
    const seconds = Number(process.hrtime.bigint() - begun) / 1e9;
    if (code !== 0) throw new Error(`${className} exited with ${code}: ${stderr.slice(-2000)}`);
    return { code, stdout, stderr, seconds };
  })();
}

export async function createTopic(brokers: string[], name: string, partitions: number): Promise<void> {
  await ensureTopics({ brokers, clientId: 'paymesh-bench', logger: createLogger('bench', 'warn') }, [{ name, partitions }]);
}

/** Bench topics hold up to a million events: they are removed when the run ends, not left on disk. */
export async function deleteTopic(brokers: string[], name: string): Promise<void> {
  await runKafkaTool('org.apache.kafka.tools.TopicCommand', ['--bootstrap-server', brokers.join(','), '--delete', '--topic', name]);
}
