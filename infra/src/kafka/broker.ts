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
    // A static voter set, still supported by Kafka 4, rather than controller.quorum.bootstrap.servers:
    // a one-node quorum never changes members, and storage formatted by a 3.x broker starts as it is.
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

/**
 * Kafka 4 logs through Log4j 2 (3.x used log4j 1): its own properties format, read from
 * -Dlog4j2.configurationFile. The broker's log goes to one file, rolled at 20 MB, two kept.
 */
function log4j2Properties(logFile: string): string {
  return [
    'appender.file.type=RollingFile',
    'appender.file.name=file',
    `appender.file.fileName=${logFile}`,
    `appender.file.filePattern=${logFile}.%i`,
    'appender.file.layout.type=PatternLayout',
    'appender.file.layout.pattern=[%d] %p %m (%c)%n',
    'appender.file.policies.type=Policies',
    'appender.file.policies.size.type=SizeBasedTriggeringPolicy',
    'appender.file.policies.size.size=20MB',
    'appender.file.strategy.type=DefaultRolloverStrategy',
    'appender.file.strategy.max=2',
    'rootLogger.level=INFO',
    'rootLogger.appenderRef.file.ref=file',
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
  const log4jFile = path.join(o.dataDir, 'log4j2.properties');
  writeFileSync(propsFile, serverProperties(o, logDir));
  writeFileSync(log4jFile, log4j2Properties(path.join(o.dataDir, 'server.log')));
  const jvmLog = [`-Dlog4j2.configurationFile=${log4jFile}`];

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
