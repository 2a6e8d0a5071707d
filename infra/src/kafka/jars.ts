import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { cacheDir, repoRoot } from '../paths.js';

export const kafkaLibDir = path.join(cacheDir, 'kafka', 'libs');
const pom = path.join(repoRoot, 'infra', 'kafka', 'pom.xml');

function hasJars(): boolean {
  return existsSync(kafkaLibDir) && readdirSync(kafkaLibDir).some((f) => f.startsWith('kafka_2.13-'));
}

/**
 * Resolves the official Apache Kafka jars from Maven Central into .cache/kafka/libs,
 * once: a second call finds them and downloads nothing.
 */
export function ensureKafkaJars(log: (line: string) => void): string {
  if (hasJars()) return kafkaLibDir;
  log('resolving the Apache Kafka jars with Maven (first run only)…');
  const result = spawnSync(
    'mvn',
    ['-B', '-q', '-f', pom, 'dependency:copy-dependencies', `-DoutputDirectory=${kafkaLibDir}`, '-DincludeScope=runtime'],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
  if (result.error) throw new Error(`could not run mvn (is Maven installed?): ${result.error.message}`);
  if (result.status !== 0 || !hasJars()) throw new Error(`mvn failed to resolve the Kafka jars (exit ${result.status})`);
  return kafkaLibDir;
}
