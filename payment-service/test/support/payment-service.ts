import { randomUUID } from 'node:crypto';
import { ensureTopics } from '@paymesh/shared/kafka';
import { createLogger } from '@paymesh/shared/logger';
import { loadPaymentConfig } from '../../src/config.js';
import type { RunningService } from '@paymesh/shared/http';
import { startService } from '../../src/service.js';
import { sharedAuthService } from '@paymesh/infra/testing';

export interface TestPaymentService extends RunningService {
  topic: string;
}

/** A topic no other test (or engineer) reads or writes, so what arrives on it is ours alone. */
export async function createTestTopic(partitions = 3): Promise<string> {
  const topic = `payment-test-${randomUUID()}`;
  const logger = createLogger('payment-test', 'warn');
  await ensureTopics({ brokers: process.env.KAFKA_BROKERS!.split(','), clientId: 'payment-test', logger }, [{ name: topic, partitions }]);
  return topic;
}

/** The real service, in-process on a free port, against the real database and broker. */
export async function startPaymentService(env: Record<string, string> = {}): Promise<TestPaymentService> {
  const auth = await sharedAuthService();
  const topic = env.TRANSACTIONS_TOPIC ?? (await createTestTopic());
  const config = loadPaymentConfig({
    ...process.env,
    PORT: '0',
    AUTH_JWKS_URL: auth.jwksUrl,
    TRANSACTIONS_TOPIC: topic,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ...env,
  });
  const service = await startService(config, createLogger('payment-service', config.LOG_LEVEL));
  return { ...service, topic };
}
