import { z } from 'zod';
import { loadConfig, port } from '@paymesh/shared/config';
import path from 'node:path';
import { dataDir } from './paths.js';

/** Where the local broker, database and services listen. Every port is configurable so two checkouts can coexist. */
const infraSchema = z.object({
  KAFKA_PORT: port(9092),
  KAFKA_CONTROLLER_PORT: port(9093),
  KAFKA_HEAP: z.string().regex(/^\d+[mg]$/i, 'a JVM size such as 512m').default('512m'),
  KAFKA_DATA_DIR: z.string().default(path.join(dataDir, 'kafka')),
  TRANSACTIONS_PARTITIONS: z.coerce.number().int().min(1).max(64).default(6),
  PG_PORT: port(5432),
  PG_DATA_DIR: z.string().default(path.join(dataDir, 'postgres')),
  PG_SUPERUSER_PASSWORD: z.string().min(1).default('paymesh'),
  GATEWAY_PORT: port(8080),
  AUTH_PORT: port(8081),
  PAYMENT_PORT: port(8082),
  ANALYTICS_PORT: port(8083),
  CLIENT_PORT: port(3000),
});

export type InfraConfig = z.infer<typeof infraSchema>;

export function loadInfraConfig(env: NodeJS.ProcessEnv = process.env): InfraConfig {
  return loadConfig(infraSchema, env);
}
