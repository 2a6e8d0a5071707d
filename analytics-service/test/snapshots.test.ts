import { expect } from 'chai';
import { decodeSnapshot, type Snapshot } from '../src/snapshots/snapshot.codec.js';
import type { RunningService } from '@paymesh/shared/http';
import { getStats, startAnalytics, statsWhen, waitReady } from './support/analytics.js';
import { buildCreated, buildPaid } from './support/events.js';
import { closePublisher, deleteCreatedTopics, publish, uniqueTopics } from './support/kafka.js';
import { claimedSnapshot, encodeSnapshot, snapshotStoreOf, storeSnapshot } from './support/snapshots.js';

describe('snapshots: a restart folds only the tail', () => {
  let topics: { topic: string; dlq: string };
  const running: RunningService[] = [];
  const start = async (env?: Record<string, string>) => {
    const service = await startAnalytics(topics.topic, topics.dlq, env);
    running.push(service);
    return service;
  };
  const stop = async (service: RunningService) => {
    running.splice(running.indexOf(service), 1);
    await service.stop();
  };
  /** What a full replay of the topic, with no snapshot at all, serves. */
  const fullReplayStats = async () => {
    const replay = await start({ SNAPSHOTS: 'off' });
    await waitReady(replay.url);
    return getStats(replay.url);
  };

  beforeEach(async () => {
    topics = await uniqueTopics();
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((s) => s.stop()));
  });
  after(async () => {
    await closePublisher();
    await deleteCreatedTopics();
  });

  it('after a clean stop, the restart loads the stop\'s snapshot and serves exactly what a full replay serves, copies across the cut included', async () => {
    const users = Array.from({ length: 12 }, (_, i) => `user-${i}-${topics.topic}`);
    const before = users.flatMap((user_id, i) => [
      buildCreated({ user_id, amount: 1.1, user_seq: 10 * i + 1 }),
      buildCreated({ user_id, amount: 2.2 }),
      buildPaid({ user_id, amount_paid: 3.3, transactions_paid: 2, user_seq: 10 * i + 3 }),
    ]);
    const first = await start();
    await publish(topics.topic, before);
    await statsWhen(first.url, 'the first events', (s) => s.events_processed === before.length);
    await stop(first);

    // Copies of both kinds of events from before the cut, then new ones.
    const after = [...before.slice(0, 9).map((e) => ({ ...e })), ...users.map((user_id, i) => buildCreated({ user_id, amount: 0.5, user_seq: 10 * i + 5 }))];
    await publish(topics.topic, after);
    const restarted = await start();
    await waitReady(restarted.url);
    const fromSnapshot = await getStats(restarted.url);

    const stored = await snapshotStoreOf(topics.topic).load();
    expect(stored, 'the stop wrote a snapshot').to.have.property('bytes');
    const decoded = (await decodeSnapshot((stored as { bytes: Buffer }).bytes)) as { snapshot: Snapshot };
    expect(decoded.snapshot.state.totals.processed, 'the snapshot covers what was folded before the stop').to.equal(before.length);
    expect(fromSnapshot).to.include({ events_duplicate: 9, events_processed: before.length + users.length, total_transactions: 36 });
    expect(fromSnapshot).to.deep.equal(await fullReplayStats());
  });

  it('folds only what follows the snapshot\'s offsets, and answers /ready 503 until that tail is folded', async () => {
    await publish(topics.topic, [buildCreated({ amount: 5 }), buildCreated({ amount: 6 })]);
    const snapshot = await claimedSnapshot(topics.topic, { transactions: 1000, cents: 100_000, processed: 1000 });
    await storeSnapshot(topics.topic, await encodeSnapshot(snapshot));
    const tail = Array.from({ length: 3000 }, () => buildCreated({ amount: 0.1 }));
    for (let i = 0; i < tail.length; i += 500) await publish(topics.topic, tail.slice(i, i + 500));

    const service = await start();
    const first = await fetch(`${service.url}/ready`);
    await waitReady(service.url);
    const stats = await getStats(service.url);

    expect(first.status).to.equal(503);
    expect(stats).to.include({ total_transactions: 4000, total_amount: 1300, events_processed: 4000, caught_up: true, consumer_lag: 0 });
  });

  const unusable: [string, (topic: string) => Promise<Buffer>][] = [
    ['corrupt', () => Promise.resolve(Buffer.from('not a snapshot'))],
    ['of another format', async (topic) => encodeSnapshot({ ...(await claimedSnapshot(topic, { transactions: 1000 })), format: 2 } as unknown as Snapshot)],
    ['of another partition count', async (topic) => encodeSnapshot(await claimedSnapshot(topic, { transactions: 1000 }, { partitions: 7 }))],
    ['ahead of the topic (the topic was recreated)', async (topic) => {
      const snapshot = await claimedSnapshot(topic, { transactions: 1000 });
      return encodeSnapshot({ ...snapshot, state: { ...snapshot.state, positions: snapshot.state.positions.map((p) => (p ?? 0) + 100) } });
    }],
  ];
  for (const [what, make] of unusable) {
    it(`when the newest snapshot is ${what}, replays the whole topic instead and serves the true numbers`, async () => {
      await publish(topics.topic, [buildCreated({ amount: 5 }), buildPaid({ amount_paid: 6 })]);
      await storeSnapshot(topics.topic, await make(topics.topic));

      const service = await start();
      await waitReady(service.url);

      expect(await getStats(service.url)).to.include({ total_transactions: 1, total_amount: 5, total_paid_amount: 6, events_processed: 2 });
    });
  }
});
