import { expect } from 'chai';
import type { RunningService } from '@paymesh/shared/http';
import { startAnalytics, statsWhen, waitReady } from './support/analytics.js';
import { buildCreated } from './support/events.js';
import { closePublisher, deleteCreatedTopics, publish, uniqueTopics } from './support/kafka.js';

describe('exact dedupe: a sequenced copy is dropped however far back it comes from', () => {
  after(async () => {
    await closePublisher();
    await deleteCreatedTopics();
  });

  it('when an event is redelivered 50,000 events later on its partition, and again after a restart, counts it once', async function () {
    this.timeout(120_000);
    // One partition, so every event lies between the original and its copy; the id window is 20,000.
    const topics = await uniqueTopics(1);
    const original = buildCreated({ user_id: `ada-${topics.topic}`, user_seq: 41, amount: 7 });
    const others = Array.from({ length: 50_000 }, (_, i) => buildCreated({ user_id: `user-${i % 1000}-${topics.topic}`, user_seq: 100 + i, amount: 0.01 }));
    await publish(topics.topic, [original]);
    for (let i = 0; i < others.length; i += 2000) await publish(topics.topic, others.slice(i, i + 2000));
    await publish(topics.topic, [{ ...original }]);
    let service: RunningService | undefined = await startAnalytics(topics.topic, topics.dlq);
    try {
      const first = await statsWhen(service.url, 'the whole topic', (s) => s.events_processed + s.events_duplicate === 50_002, 60_000);
      expect(first).to.include({ total_transactions: 50_001, total_amount: 507, events_duplicate: 1 });
      await service.stop();
      service = undefined;

      await publish(topics.topic, [{ ...original }]);
      service = await startAnalytics(topics.topic, topics.dlq);
      await waitReady(service.url, 60_000);
      const after = await statsWhen(service.url, 'the second copy', (s) => s.events_duplicate === 2);

      expect(after).to.include({ total_transactions: 50_001, total_amount: 507, events_processed: 50_001 });
    } finally {
      await service?.stop();
    }
  });
});
