import { randomUUID } from 'node:crypto';
import { ensureTopics } from '@paymesh/shared/kafka';
import { createLogger } from '@paymesh/shared/logger';
import { ensureInfra, loadInfraConfig, startMesh } from '@paymesh/infra/stack';
import { freePort } from '@paymesh/infra/testing';
import { serveBuiltClient } from './client-server.js';

export interface Stack {
  clientUrl: string;
  gatewayUrl: string;
  stop(): Promise<void>;
}

/**
 * Broker and database (found or started), the four services on free ports, and the client
 * built for that gateway. A topic of its own makes the dashboard's global numbers exactly
 * what this test caused, whatever else runs on the machine.
 */
export async function startStack(log: (line: string) => void): Promise<Stack> {
  const infra = await ensureInfra(loadInfraConfig(), log);
  const stops: (() => Promise<void>)[] = [() => infra.stop()];
  const stop = async () => {
    for (const s of stops.reverse()) await s();
  };
  try {
    const topic = `e2e-client-${randomUUID()}`;
    await ensureTopics({ brokers: infra.brokers, clientId: 'client-e2e', logger: createLogger('e2e', 'warn') }, [{ name: topic, partitions: 3 }]);
    const [gateway, auth, payment, analytics, client] = await Promise.all(Array.from({ length: 5 }, () => freePort()));
    const mesh = await startMesh({
      // The gateway's CORS allow-list is made for the client port given here.
      ports: { gateway: gateway!, auth: auth!, payment: payment!, analytics: analytics!, client: client! },
      env: { TRANSACTIONS_TOPIC: topic, AUTH_BCRYPT_COST: '4', LOG_LEVEL: 'warn' },
      log,
    });
    stops.push(() => mesh.stop());
    const served = await serveBuiltClient(mesh.urls.gateway, client!);
    stops.push(() => served.stop());
    return { clientUrl: served.url, gatewayUrl: mesh.urls.gateway, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
