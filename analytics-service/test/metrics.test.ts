import { expect } from 'chai';
import { scrapeMetrics } from '@paymesh/shared/metrics-scrape';
import type { RunningService } from '@paymesh/shared/http';
import { startAnalytics, statsWhen, waitReady } from './support/analytics.js';
import { buildCreated } from './support/events.js';
import { closePublisher, deleteCreatedTopics, publish, publishRaw, uniqueTopics } from './support/kafka.js';
import { waitFor } from '@paymesh/infra/testing';
import { readStatsEvents } from './support/sse.js';

describe('GET /metrics on analytics-service', () => {
  let topics: { topic: string; dlq: string };
  let service: RunningService;

  before(async () => {
    topics = await uniqueTopics(3);
    service = await startAnalytics(topics.topic, topics.dlq);
    await waitReady(service.url);
  });
  after(async () => {
    await service.stop();
    await closePublisher();
    await deleteCreatedTopics();
  });

  it('shows lag per partition read, falling back to 0 once the events are folded, and the caught-up state', async () => {
    await publish(topics.topic, [buildCreated({ user_id: 'lag-a' }), buildCreated({ user_id: 'lag-b' }), buildCreated({ user_id: 'lag-c' })]);

    await statsWhen(service.url, 'the three events', (s) => s.events_processed === 3);
    await waitFor('lag 0 on every partition', async () => (await scrapeMetrics(service.url)).value('analytics_consumer_lag') === 0, 10_000, 100);
    const scrape = await scrapeMetrics(service.url);

    expect(scrape.samples('analytics_consumer_lag').map((s) => s.labels?.partition).sort()).to.deep.equal(['0', '1', '2']);
    expect(scrape.value('analytics_consumer_state', { state: 'caught_up' })).to.equal(1);
    expect(scrape.value('analytics_consumer_state', { state: 'stalled' })).to.equal(0);
  });

  it('counts folded, duplicate and rejected messages (by reason class), dead letters, and the delay from occurred_at to fold', async () => {
    const before = await scrapeMetrics(service.url);
    const created = buildCreated({ user_id: 'counted', occurred_at: new Date().toISOString() });

    await publish(topics.topic, [created, created]);
    await publishRaw(topics.topic, [{ key: 'counted', value: '{not json' }, { key: 'counted', value: JSON.stringify({ ...created, amount: -1 }) }]);
    await statsWhen(service.url, 'the four messages', (s) => s.events_rejected === 2 && s.events_duplicate >= 1);
    const after = await scrapeMetrics(service.url);

    const delta = (name: string, labels: Record<string, string> = {}) => (after.value(name, labels) ?? 0) - (before.value(name, labels) ?? 0);
    expect(delta('analytics_events_total', { outcome: 'applied' })).to.equal(1);
    expect(delta('analytics_events_total', { outcome: 'duplicate' })).to.equal(1);
    expect(delta('analytics_events_rejected_total', { reason: 'invalid JSON' })).to.equal(1);
    expect(delta('analytics_events_rejected_total', { reason: 'schema violation' })).to.equal(1);
    expect(delta('analytics_events_dead_lettered_total')).to.equal(2);
    expect(after.count('analytics_event_fold_delay_seconds') - before.count('analytics_event_fold_delay_seconds')).to.equal(1);
    expect(after.count('http_request_duration_seconds', { route: '/stats', status_class: '2xx' })).to.be.at.least(1);
  });

  it('counts the live stats streams open now, one fewer once a viewer leaves', async () => {
    const openStreams = async () => (await scrapeMetrics(service.url)).value('analytics_open_streams');
    const before = await openStreams();
    const viewer = readStatsEvents(`${service.url}/stats/stream`);
    await viewer.next();

    const during = await openStreams();
    viewer.close();

    expect(during).to.equal(before! + 1);
    await waitFor('the gauge to fall back once the viewer left', async () => (await openStreams()) === before, 10_000, 50);
  });
});
