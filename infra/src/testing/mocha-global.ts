import { loadInfraConfig } from '../config.js';
import { ensureInfra, type Infra } from '../infra.js';

/**
 * Mocha global fixture shared by every workspace's component tests: finds the running broker
 * and database or starts them, and publishes where they are through the environment that
 * each service's config reads. Whatever it started, it stops after the run.
 */
let infra: Infra | undefined;

export async function mochaGlobalSetup(): Promise<void> {
  infra = await ensureInfra(loadInfraConfig(), (line) => console.log(`      [infra] ${line}`));
  process.env.KAFKA_BROKERS = infra.brokers.join(',');
  process.env.AUTH_DATABASE_URL = infra.databaseUrls.auth;
  process.env.PAYMENT_DATABASE_URL = infra.databaseUrls.payment;
  process.env.PG_SUPERUSER_URL = infra.superuserUrl;
}

export async function mochaGlobalTeardown(): Promise<void> {
  await infra?.stop();
}
