import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '@paymesh/infra/stack';

/** Runs the reference kafkajs consumer (bench/src/reference/bare-kafkajs-consumer.ts) as its own process. */
export async function bareKafkajsConsumer(brokers: string[], topic: string, messages: number, mode: 'raw' | 'json' | 'zod' = 'raw'): Promise<number> {
  const script = path.join(repoRoot, 'bench', 'src', 'reference', 'bare-kafkajs-consumer.ts');
  const { stdout } = await promisify(execFile)(path.join(repoRoot, 'node_modules', '.bin', 'tsx'), [script, brokers.join(','), topic, String(messages), mode], {
    timeout: 600_000,
  });
  return (JSON.parse(stdout.trim().split('\n').at(-1)!) as { rate: number }).rate;
}
