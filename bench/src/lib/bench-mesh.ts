import { availableParallelism } from 'node:os';
import path from 'node:path';
import { dataDir, startMesh, type Infra, type Mesh } from '@paymesh/infra/stack';
import type { Logger } from './log.js';
import { createTopic, deleteTopic } from './kafka-tools.js';

/** Payment-service's pool (its default), set explicitly so B3's direct pool is the same size. */
export const PAYMENT_POOL_SIZE = 10;
/** Auth's bcrypt cost and hash pool (its defaults on this machine), set explicitly for B7's bound. */
export const BCRYPT_COST = 10;
export const HASH_WORKERS = Math.max(1, availableParallelism());

export interface BenchMesh extends Mesh {
  /** The topic this mesh's payment-service publishes to and its analytics reads. */
  topic: string;
  env: Record<string, string>;
  /** Its processes run in the launcher's session, not each in its own (B8's comparison). */
  sharedSession: boolean;
}

/**
 * The mesh for benchmarks. It runs on its own topic, so the outbox relay and the fold see only
 * the bench's events (outbox rows are per topic), and nobody else's tests see ours. Every
 * limiter still runs but with limits no benchmark reaches, since all load comes from one IP
 * and a handful of users. Services log at warn: request logs of several thousand requests a
 * second would flow through this process's pipes and load the load generator itself.
 */
export async function startBenchMesh(
  log: Logger,
  infra: Infra,
  overrides: Record<string, string> = {},
  options: { sharedSession?: boolean; paymentInstances?: number } = {},
): Promise<BenchMesh> {
  const topic = `bench.transactions.${Date.now()}`;
  await createTopic(infra.brokers, topic, 6);
  const huge = '1000000000';
  const env = {
    LOG_LEVEL: 'warn',
    TRANSACTIONS_TOPIC: topic,
    DB_POOL_MAX: String(PAYMENT_POOL_SIZE),
    AUTH_BCRYPT_COST: String(BCRYPT_COST),
    AUTH_HASH_WORKERS: String(HASH_WORKERS),
    RATE_LIMIT_LOGIN_PER_IP: huge,
    RATE_LIMIT_LOGIN_PER_USERNAME: huge,
    RATE_LIMIT_REGISTER_PER_IP: huge,
    RATE_LIMIT_PER_IP: huge,
    RATE_LIMIT_PER_USER: huge,
    // B11's audience comes from many loopback addresses at the gateway's per-client cap, and
    // needs room for more viewers than the total cap's default.
    STREAM_MAX_PER_CLIENT: '4',
    STREAM_MAX_TOTAL: '10000',
    ...overrides,
  };
  try {
    const mesh = await startMesh({ ports: 'free', env, log, logDir: path.join(dataDir, 'bench', 'logs'), ...options });
    return {
      ...mesh,
      topic,
      env,
      sharedSession: options.sharedSession ?? false,
      async stop() {
        await mesh.stop();
        await deleteTopic(infra.brokers, topic);
      },
    };
  } catch (err) {
    await deleteTopic(infra.brokers, topic);
    throw err;
  }
}

