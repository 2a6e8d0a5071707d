import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { cacheDir, repoRoot } from '../paths.js';

const pom = path.join(repoRoot, 'infra', 'kafka', 'pom.xml');
const pomText = readFileSync(pom, 'utf8');

/** The Apache Kafka version the broker and the bench's Kafka tools run, as infra/kafka/pom.xml names it. */
export const kafkaVersion = /<kafka\.version>([^<]+)<\/kafka\.version>/.exec(pomText)?.[1] ?? 'unknown';

// One folder per version of the pom, so changing a version there resolves a fresh set of jars
// instead of starting the broker on whatever an older pom left in the cache.
const pomDigest = createHash('sha256').update(pomText).digest('hex').slice(0, 12);
export const kafkaLibDir = path.join(cacheDir, 'kafka', `${kafkaVersion}-${pomDigest}`, 'libs');

const hasJars = (dir: string) => existsSync(path.join(dir, `kafka_2.13-${kafkaVersion}.jar`));

/**
 * Resolves the official Apache Kafka jars from Maven Central into .cache/kafka/<version>-<pom digest>/libs,
 * once: a second call finds them and downloads nothing.
 */
export function ensureKafkaJars(log: (line: string) => void): string {
  if (hasJars(kafkaLibDir)) return kafkaLibDir;
  log(`resolving the Apache Kafka ${kafkaVersion} jars with Maven (first run only)…`);
  // Resolved beside the final folder and renamed into place, so an interrupted download is never taken for a complete one.
  const partial = `${kafkaLibDir}.partial`;
  rmSync(partial, { recursive: true, force: true });
  const result = spawnSync(
    'mvn',
    ['-B', '-q', '-f', pom, 'dependency:copy-dependencies', `-DoutputDirectory=${partial}`, '-DincludeScope=runtime'],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
  if (result.error) throw new Error(`could not run mvn (is Maven installed?): ${result.error.message}`);
  if (result.status !== 0 || !hasJars(partial)) throw new Error(`mvn failed to resolve the Kafka jars (exit ${result.status})`);
  rmSync(kafkaLibDir, { recursive: true, force: true });
  renameSync(partial, kafkaLibDir);
  return kafkaLibDir;
}
