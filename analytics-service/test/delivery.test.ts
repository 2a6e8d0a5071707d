import { expect } from 'chai';
import type { RunningService } from '@paymesh/shared/http';
import { startAnalytics, getStats, statsWhen, waitReady } from './support/analytics.js';
import { buildCreated, buildPaid } from './support/events.js';
import { closePublisher, deleteCreatedTopics, publish, publishRaw, pullTopic, readDeadLetters, uniqueTopics } from './support/kafka.js';
import { waitFor } from '@paymesh/infra/testing';

describe('delivery: duplicates, bad events, restarts and replicas', () => {
  let topics: { topic: string; dlq: string };
  const running: RunningService[] = [];
  const start = async (env?: Record<string, string>) => {
    const service = await startAnalytics(topics.topic, topics.dlq, env);
    running.push(service);
    return service;
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

  it('when an event is injected again at a new offset with the same event_id, changes nothing but events_duplicate', async () => {
    const service = await start();
    const created = buildCreated({ amount: 40.1 });
    const paid = buildPaid({ user_id: created.user_id, transaction_ids: [created.transaction_id], amount_paid: 40.1 });

    await publish(topics.topic, [created, paid]);
    await publish(topics.topic, [created, paid, created]);
    const stats = await statsWhen(service.url, 'the duplicates to be seen', (s) => s.events_duplicate === 3);

    expect(stats).to.include({ total_transactions: 1, total_amount: 40.1, total_paid_transactions: 1, total_paid_amount: 40.1, events_processed: 2 });
  });

  it('when messages are poison, copies each to the dead-letter topic with its reason, counts it, and moves on', async () => {
    const service = await start();
    const key = 'user-poison';
    await publishRaw(topics.topic, [
      { key, value: '{not json' },
      { key, value: JSON.stringify({ ...buildCreated({ user_id: key }), event_type: 'transaction.refunded' }) },
      { key, value: JSON.stringify({ ...buildCreated({ user_id: key }), amount: -3 }) },
    ]);
    await publish(topics.topic, [buildCreated({ user_id: key, amount: 1 })]);

    const stats = await statsWhen(service.url, 'the valid event after the poison', (s) => s.total_transactions === 1);
    const dead = await readDeadLetters(topics.dlq, 3);

    expect(stats).to.include({ events_rejected: 3, events_processed: 1, total_amount: 1 });
    expect(dead.map((d) => d.headers.dlq_reason)).to.deep.equal([
      'invalid JSON',
      'unknown event_type: "transaction.refunded"',
      'schema violation: amount: a positive amount with at most 2 decimals',
    ]);
    expect(dead[0]).to.deep.include({ value: '{not json' });
    expect(dead[0]!.headers).to.include({ dlq_source_topic: topics.topic });
  });

  it('after a restart, serves exactly the stats it served before', async () => {
    const first = await start();
    const created = buildCreated({ amount: 0.3 });
    await publish(topics.topic, [created, buildCreated({ amount: 99.99 }), created, buildPaid({ user_id: created.user_id, amount_paid: 0.3 })]);
    await publishRaw(topics.topic, [{ key: 'k', value: 'poison' }]);
    const before = await statsWhen(first.url, 'all five messages', (s) => s.events_processed + s.events_duplicate + s.events_rejected === 5);
    await first.stop();
    running.splice(0);

    const second = await start();
    await waitReady(second.url);

    expect(await getStats(second.url)).to.deep.equal(before);
    expect(before).to.include({ total_transactions: 2, total_amount: 100.29, events_duplicate: 1, events_rejected: 1, caught_up: true });
  });

  it('two instances running at once serve the same full stats, each reading every partition', async () => {
    const [a, b] = await Promise.all([start(), start()]);
    const events = Array.from({ length: 30 }, (_, i) => buildCreated({ amount: i + 0.01 }));

    await publish(topics.topic, events);
    const fromA = await statsWhen(a.url, 'instance A to see 30', (s) => s.total_transactions === 30);
    const fromB = await statsWhen(b.url, 'instance B to see 30', (s) => s.total_transactions === 30);

    expect(fromA).to.deep.equal(fromB);
    expect(fromA.unique_users).to.equal(30);
    expect(fromA.total_amount).to.equal(435.3);
  });

  it('answers /ready 503 while replaying and 200 only once everything present at start is folded', async () => {
    const events = Array.from({ length: 3000 }, () => buildCreated({ amount: 0.1 }));
    for (let i = 0; i < events.length; i += 500) await publish(topics.topic, events.slice(i, i + 500));

    const service = await start();
    const first = await fetch(`${service.url}/ready`);
    await waitReady(service.url);
    const stats = await getStats(service.url);

    expect(first.status).to.equal(503);
    expect(stats).to.include({ total_transactions: 3000, total_amount: 300, caught_up: true, consumer_lag: 0 });
  });

  it('when the consumer crashes, says so in /health and /ready, then recovers on its own', async function () {
    this.timeout(90_000);
    const service = await start();
    await waitReady(service.url);
    const status = async (path: string) => (await fetch(`${service.url}${path}`)).status;

    const pulled = await pullTopic(topics.topic);
    await waitFor('/health and /ready to report the crash', async () => (await status('/health')) === 503 && (await status('/ready')) === 503, 45_000);
    await pulled.recreate();
    await waitReady(service.url, 45_000);
    await publish(topics.topic, [buildCreated({ amount: 2 })]);

    const stats = await statsWhen(service.url, 'the event after recovery', (s) => s.total_transactions === 1);
    expect(await status('/health')).to.equal(200);
    expect(stats).to.include({ consumer_status: 'running', total_amount: 2 });
  });
});
