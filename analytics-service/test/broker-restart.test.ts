import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { transactionsTopic, type TransactionEvent } from '@paymesh/shared/events';
import { createPublisher, ensureTopics, type KafkaConnection } from '@paymesh/shared/kafka';
import { createLogger } from '@paymesh/shared/logger';
import { startBroker, type BrokerOptions, type RunningBroker } from '@paymesh/infra/kafka';
import { freePort } from '@paymesh/infra/testing';
import type { RunningService } from '@paymesh/shared/http';
import { startAnalytics, statsWhen, waitReady } from './support/analytics.js';
import { buildCreated } from './support/events.js';

// The shared broker serves every other suite, so this test restarts a private one of its own:
// a real KRaft broker on free ports, with its data in a temp folder that survives the restart.
describe('a broker restart', function () {
  this.timeout(180_000);
  const topic = 'transactions';
  const dlq = 'transactions.dlq';
  let options: BrokerOptions;
  let broker: RunningBroker | undefined;
  let analytics: RunningService | undefined;
  let connection: KafkaConnection;

  const publish = async (events: TransactionEvent[]) => {
    const publisher = await createPublisher(connection);
    await publisher.publish(topic, transactionsTopic, events);
    await publisher.disconnect();
  };

  before(async () => {
    options = {
      port: await freePort(),
      controllerPort: await freePort(),
      dataDir: mkdtempSync(path.join(os.tmpdir(), 'paymesh-restart-broker-')),
      heap: '256m',
      log: () => undefined,
    };
    broker = await startBroker(options);
    connection = { brokers: broker.brokers, clientId: 'broker-restart-test', logger: createLogger('broker-restart-test', 'silent') };
    await ensureTopics(connection, [{ name: topic, partitions: 3 }, { name: dlq, partitions: 1 }]);
  });

  after(async () => {
    await analytics?.stop();
    await broker?.stop();
    rmSync(options.dataDir, { recursive: true, force: true });
  });

  it('is survived without a human: analytics reconnects, folds what came after, and is ready again', async () => {
    // Arrange: analytics has folded one event from the private broker.
    analytics = await startAnalytics(topic, dlq, { KAFKA_BROKERS: broker!.brokers.join(',') });
    await waitReady(analytics.url);
    await publish([buildCreated({ amount: 10 })]);
    await statsWhen(analytics.url, 'the event before the restart', (s) => s.total_transactions === 1);

    // Act: the broker goes away and comes back with the same data; more events arrive.
    await broker!.stop();
    broker = await startBroker(options);
    await publish([buildCreated({ amount: 5.5 }), buildCreated({ amount: 4.5 })]);

    // Assert
    const stats = await statsWhen(analytics.url, 'the events published after the restart', (s) => s.total_transactions === 3, 90_000);
    expect(stats).to.include({ total_amount: 20, events_processed: 3, events_duplicate: 0 });
    await waitReady(analytics.url, 60_000);
  });
});
