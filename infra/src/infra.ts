import { existsSync } from 'node:fs';
import path from 'node:path';
import { createLogger } from '@paymesh/shared/logger';
import { transactionsTopic } from '@paymesh/shared/events';
import { ensureTopics, pingKafka } from '@paymesh/shared/kafka';
import type { InfraConfig } from './config.js';
import { startBroker } from './kafka/broker.js';
import { canConnect, superuserUrl } from './postgres/connection.js';
import { startClusterProcess } from './postgres/cluster-process.js';
import { postgresDataDir } from './postgres/data-dir.js';
import { repoRoot } from './paths.js';
import { databaseUrl, ensureServiceDatabases, SERVICE_DATABASES } from './postgres/databases.js';
import { isPortOpen } from './wait-for.js';

export interface Infra {
  brokers: string[];
  databaseUrls: { auth: string; payment: string };
  superuserUrl: string;
  /** What this call started itself; what it found running it leaves alone. */
  started: { kafka: boolean; postgres: boolean };
  stop(): Promise<void>;
}

type Log = (line: string) => void;

async function kafkaAnswers(port: number, brokers: string[]): Promise<boolean> {
  // kafkajs retries for seconds against a closed port: ask the socket first.
  if (!(await isPortOpen(port))) return false;
  try {
    await pingKafka({ brokers, clientId: 'paymesh-infra', logger: createLogger('infra', 'silent') });
    return true;
  } catch {
    return false;
  }
}

async function ensurePostgres(config: InfraConfig, log: Log) {
  const url = superuserUrl(config.PG_PORT, config.PG_SUPERUSER_PASSWORD);
  if (await canConnect(url)) {
    log(`PostgreSQL already running on :${config.PG_PORT}, reusing it`);
    return { url, stop: () => Promise.resolve(), started: false };
  }
  if (await isPortOpen(config.PG_PORT)) {
    throw new Error(`port ${config.PG_PORT} is taken by something that is not our PostgreSQL; set PG_PORT to a free port`);
  }
  log(`starting PostgreSQL on :${config.PG_PORT}…`);
  const dataDir = postgresDataDir(config.PG_DATA_DIR, repoRoot, log);
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) log('initialising the PostgreSQL data directory (first run only)…');
  const cluster = await startClusterProcess({ port: config.PG_PORT, dataDir, superuserPassword: config.PG_SUPERUSER_PASSWORD });
  return { url: cluster.superuserUrl, stop: () => cluster.stop(), started: true };
}

async function ensureKafka(config: InfraConfig, log: Log) {
  const brokers = [`localhost:${config.KAFKA_PORT}`];
  if (await kafkaAnswers(config.KAFKA_PORT, brokers)) {
    log(`Kafka already running on :${config.KAFKA_PORT}, reusing it`);
    return { brokers, stop: () => Promise.resolve(), started: false };
  }
  if (await isPortOpen(config.KAFKA_PORT)) {
    throw new Error(`port ${config.KAFKA_PORT} is taken by something that is not a Kafka broker; set KAFKA_PORT to a free port`);
  }
  log(`starting Kafka (KRaft) on :${config.KAFKA_PORT}…`);
  const broker = await startBroker({
    port: config.KAFKA_PORT,
    controllerPort: config.KAFKA_CONTROLLER_PORT,
    dataDir: config.KAFKA_DATA_DIR,
    heap: config.KAFKA_HEAP,
    log,
  });
  return { brokers: broker.brokers, stop: () => broker.stop(), started: true };
}

/**
 * Brings up (or finds) the broker and the database, creates the service databases and the
 * topics, and says how to reach them. Idempotent: a second call reuses what is running.
 */
export async function ensureInfra(config: InfraConfig, log: Log): Promise<Infra> {
  const [postgres, kafka] = await Promise.all([ensurePostgres(config, log), ensureKafka(config, log)]);
  await ensureServiceDatabases(postgres.url);
  await ensureTopics({ brokers: kafka.brokers, clientId: 'paymesh-infra', logger: createLogger('infra', 'warn') }, [
    // analytics rebuilds its state by replaying this topic: it is the log of record, kept forever.
    { name: transactionsTopic.name, partitions: config.TRANSACTIONS_PARTITIONS, configs: { 'retention.ms': '-1' } },
    { name: transactionsTopic.deadLetter, partitions: 1 },
  ]);
  const [authDb, paymentDb] = SERVICE_DATABASES;
  return {
    brokers: kafka.brokers,
    databaseUrls: { auth: databaseUrl(config.PG_PORT, authDb!), payment: databaseUrl(config.PG_PORT, paymentDb!) },
    superuserUrl: postgres.url,
    started: { kafka: kafka.started, postgres: postgres.started },
    async stop() {
      await Promise.all([kafka.stop(), postgres.stop()]);
    },
  };
}
