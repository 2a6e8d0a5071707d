import { rmSync } from 'node:fs';
import path from 'node:path';
import { ensureInfra, loadInfraConfig, repoRoot, type Infra, type InfraConfig } from '@paymesh/infra/stack';
import { postgresDataDir } from '@paymesh/infra/postgres';
import { isPortOpen } from '@paymesh/infra/testing';
import type { ChaosConfig } from '../config.js';
import { createKafkaControl, type KafkaControl } from './kafka-control.js';
import { createPostgresControl, type PostgresControl } from './postgres-control.js';

export interface OwnInfra {
  config: InfraConfig;
  infra: Infra;
  kafka: KafkaControl;
  postgres: PostgresControl;
  stop(): Promise<void>;
}

/**
 * A broker and a database of the campaign's own, started from empty on its own ports and
 * folders. Nothing already running is ever reused: what the campaign kills must be its own.
 */
export async function startOwnInfra(chaos: ChaosConfig, log: (line: string) => void): Promise<OwnInfra> {
  for (const port of Object.values(chaos.ports)) {
    if (await isPortOpen(port)) throw new Error(`port ${port} is in use (a chaos run still going, or left over?); the campaign needs its own broker and database`);
  }
  // Only now that no other campaign is running: each run starts from an empty folder, its data, logs and history its own.
  rmSync(chaos.workDir, { recursive: true, force: true });
  const folder = path.join(chaos.workDir, 'infra');
  const config = loadInfraConfig({
    KAFKA_PORT: String(chaos.ports.kafka),
    KAFKA_CONTROLLER_PORT: String(chaos.ports.kafkaController),
    KAFKA_HEAP: '384m',
    KAFKA_DATA_DIR: path.join(folder, 'kafka'),
    PG_PORT: String(chaos.ports.postgres),
    PG_DATA_DIR: path.join(folder, 'postgres'),
    TRANSACTIONS_PARTITIONS: '3',
  });
  const pgDataDir = postgresDataDir(config.PG_DATA_DIR, path.join(repoRoot, 'chaos'), log);
  // From empty every time, so the database and the topic hold exactly what this campaign did.
  rmSync(pgDataDir, { recursive: true, force: true });
  const infra = await ensureInfra({ ...config, PG_DATA_DIR: pgDataDir }, log);
  const kafka = createKafkaControl(config, log);
  const postgres = createPostgresControl({ port: config.PG_PORT, dataDir: pgDataDir, superuserPassword: config.PG_SUPERUSER_PASSWORD }, log);
  return {
    config,
    infra,
    kafka,
    postgres,
    async stop() {
      await Promise.all([kafka.stop(), postgres.stop(), infra.stop()]);
    },
  };
}
