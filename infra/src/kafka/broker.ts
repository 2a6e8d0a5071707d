import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, openSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { ensureKafkaJars } from './jars.js';
import { isPortOpen, waitFor } from '../wait-for.js';

export interface BrokerOptions {
  port: number;
  controllerPort: number;
  dataDir: string;
  heap: string;
  log: (line: string) => void;
}

export interface RunningBroker {
  brokers: string[];
  stop(): Promise<void>;
}

function serverProperties(o: BrokerOptions, logDir: string): string {
  return [
    '# written by infra/src/kafka/broker.ts on every start',
    'process.roles=broker,controller',
    'node.id=1',
    `controller.quorum.voters=1@127.0.0.1:${o.controllerPort}`,
    `listeners=PLAINTEXT://127.0.0.1:${o.port},CONTROLLER://127.0.0.1:${o.controllerPort}`,
    `advertised.listeners=PLAINTEXT://localhost:${o.port}`,
    'controller.listener.names=CONTROLLER',
    'inter.broker.listener.name=PLAINTEXT',
    'listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    `log.dirs=${logDir}`,
    // Topics are created on purpose, with their partition counts, never by a typo.
    'auto.create.topics.enable=false',
    'num.partitions=1',
    'offsets.topic.replication.factor=1',
    'offsets.topic.num.partitions=6',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'min.insync.replicas=1',
    // One broker: nobody else will join the group, so do not wait for them.
    'group.initial.rebalance.delay.ms=0',
    'log.retention.hours=168',
    '',
  ].join('\n');
}

function log4jProperties(logFile: string): string {
  return [
    'log4j.rootLogger=INFO, file',
    'log4j.appender.file=org.apache.log4j.RollingFileAppender',
    `log4j.appender.file.File=${logFile}`,
    'log4j.appender.file.MaxFileSize=20MB',
    'log4j.appender.file.MaxBackupIndex=2',
    'log4j.appender.file.layout=org.apache.log4j.PatternLayout',
    'log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n',
    'log4j.logger.kafka=INFO',
    'log4j.logger.org.apache.kafka=INFO',
    '',
  ].join('\n');
}

/**
 * Starts a single-node KRaft broker (combined broker and controller) from the Maven-resolved
 * jars, formatting its storage on first use. The process is ours: stop() ends it.
 */
export async function startBroker(o: BrokerOptions): Promise<RunningBroker> {
  const libs = ensureKafkaJars(o.log);
  const classpath = `${libs}/*`;
  const logDir = path.join(o.dataDir, 'logs');
  mkdirSync(logDir, { recursive: true });
  const propsFile = path.join(o.dataDir, 'server.properties');
  const log4jFile = path.join(o.dataDir, 'log4j.properties');
  writeFileSync(propsFile, serverProperties(o, logDir));
  writeFileSync(log4jFile, log4jProperties(path.join(o.dataDir, 'server.log')));
  const jvmLog = [`-Dlog4j.configuration=file:${log4jFile}`];

  if (!existsSync(path.join(logDir, 'meta.properties'))) {
    const format = spawnSync(
      'java',
      [...jvmLog, '-cp', classpath, 'kafka.tools.StorageTool', 'format', '-t', randomUUID(), '-c', propsFile, '--ignore-formatted'],
      { encoding: 'utf8' },
    );
    if (format.status !== 0) throw new Error(`formatting Kafka storage failed: ${format.stderr || format.stdout}`);
  }

  const out = openSync(path.join(o.dataDir, 'stdout.log'), 'a');
  const child: ChildProcess = spawn(
    'java',
    [`-Xmx${o.heap}`, `-Xms${o.heap}`, '-XX:+UseG1GC', '-Djava.awt.headless=true', ...jvmLog, '-cp', classpath, 'kafka.Kafka', propsFile],
    { stdio: ['ignore', out, out] },
  );
  let exited = false;
  const exit = new Promise<void>((resolve) => child.once('exit', () => {
    exited = true;
    resolve();
  }));

  let ready = false;
  const exitedEarly = exit.then(() => {
    if (!ready) throw new Error(`Kafka exited during start-up; see ${path.join(o.dataDir, 'server.log')}`);
  });
  await Promise.race([
    waitFor('Kafka to accept connections', () => isPortOpen(o.port), 60_000).then(() => {
      ready = true;
    }),
    exitedEarly,
  ]);

  return {
    brokers: [`localhost:${o.port}`],
    async stop() {
      if (exited) return;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exit;
      clearTimeout(killer);
    },
  };
}
