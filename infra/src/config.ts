import { z } from 'zod';
import { loadConfig, port } from '@paymesh/shared/config';
import path from 'node:path';
import { instancePorts } from './mesh-ports.js';
import { dataDir } from './paths.js';

/** Where the local broker, database and services listen. Every port is configurable so two checkouts can coexist. */
const MAX_PAYMENT_INSTANCES = 8;

const infraSchema = z
  .object({
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
  // payment-service instances behind the gateway, on PAYMENT_PORT and the next ports up that the
  // mesh's other parts leave free
  PAYMENT_INSTANCES: z.coerce.number().int().min(1).max(MAX_PAYMENT_INSTANCES).default(1),
})
  .superRefine((env, ctx) => {
    // The instances take PAYMENT_PORT and the next free ports up, skipping the other parts' ports,
    // so only the first can clash with another part, and only the last can run past 65535.
    const others = { GATEWAY_PORT: env.GATEWAY_PORT, AUTH_PORT: env.AUTH_PORT, ANALYTICS_PORT: env.ANALYTICS_PORT, CLIENT_PORT: env.CLIENT_PORT };
    const payments = instancePorts(env.PAYMENT_PORT, env.PAYMENT_INSTANCES, Object.values(others));
    if (payments.at(-1)! > 65535) ctx.addIssue({ code: 'custom', path: ['PAYMENT_INSTANCES'], message: `payment ports would run past 65535` });
    for (const [name, value] of Object.entries(others)) {
      if (value === env.PAYMENT_PORT) ctx.addIssue({ code: 'custom', path: [name], message: `${value} is also PAYMENT_PORT; move one of them` });
    }
  });

export type InfraConfig = z.infer<typeof infraSchema>;

export function loadInfraConfig(env: NodeJS.ProcessEnv = process.env): InfraConfig {
  return loadConfig(infraSchema, env);
}
