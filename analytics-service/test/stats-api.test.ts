import { expect } from 'chai';
import type { RunningService } from '@paymesh/shared/http';
import { registerUser, startAuthService, type RunningAuthService } from '@paymesh/infra/testing';
import { getStats, startAnalytics, statsWhen } from './support/analytics.js';
import { buildCreated, buildPaid } from './support/events.js';
import { closePublisher, deleteCreatedTopics, publish, uniqueTopics } from './support/kafka.js';
import { readStatsEvents } from './support/sse.js';

describe('the stats API', () => {
  let auth: RunningAuthService;
  let service: RunningService;
  let topic: string;

  before(async () => {
    auth = await startAuthService();
    const topics = await uniqueTopics();
    topic = topics.topic;
    service = await startAnalytics(topics.topic, topics.dlq, { AUTH_JWKS_URL: auth.jwksUrl });
  });

  after(async () => {
    await service?.stop();
    await auth?.stop();
    await closePublisher();
    await deleteCreatedTopics();
  });

  describe('GET /stats/me', () => {
    it('gives the caller only their own count, amount, paid count and paid amount', async () => {
      const [me, other] = await Promise.all([registerUser(auth.url), registerUser(auth.url)]);
      const before = await getStats(service.url);
      const mine = [buildCreated({ user_id: me.id, amount: 10.1 }), buildCreated({ user_id: me.id, amount: 0.2 })];
      await publish(topic, [
        ...mine,
        buildPaid({ user_id: me.id, transactions_paid: 1, amount_paid: 10.1 }),
        buildCreated({ user_id: other.id, amount: 500 }),
      ]);
      await statsWhen(service.url, 'the four events', (s) => s.events_processed === before.events_processed + 4);

      const res = await fetch(`${service.url}/stats/me`, { headers: { authorization: `Bearer ${me.token}` } });
      const body = await res.json();

      expect(res.status).to.equal(200);
      expect(body).to.deep.equal({ user_id: me.id, total_transactions: 2, total_amount: 10.3, total_paid_transactions: 1, total_paid_amount: 10.1 });
    });

    it('without a token, answers 401 with a JSON error', async () => {
      const res = await fetch(`${service.url}/stats/me`);

      expect(res.status).to.equal(401);
      expect(await res.json()).to.include({ code: 'UNAUTHORIZED' });
    });
  });

  describe('GET /stats', () => {
    it('answers 304 to an If-None-Match of the current ETag, and 200 with a new ETag after a change', async () => {
      const first = await fetch(`${service.url}/stats`);
      const etag = first.headers.get('etag')!;
      const before = (await first.json()) as { total_transactions: number };

      const unchanged = await fetch(`${service.url}/stats`, { headers: { 'if-none-match': etag } });
      await publish(topic, [buildCreated()]);
      await statsWhen(service.url, 'the new event', (s) => s.total_transactions === before.total_transactions + 1);
      const changed = await fetch(`${service.url}/stats`, { headers: { 'if-none-match': etag } });

      expect(etag).to.match(/^"[\w-]+"$/);
      expect(unchanged.status).to.equal(304);
      expect(await unchanged.text()).to.equal('');
      expect(changed.status).to.equal(200);
      expect(changed.headers.get('etag')).to.not.equal(etag);
    });
  });

  describe('GET /stats/timeseries', () => {
    it('counts a transaction in the minute of its timestamp, among the last 60 minutes', async () => {
      // Half an hour back: a minute no other test writes to, and one that stays in the window.
      const minute = Math.floor(Date.now() / 60_000) * 60_000 - 30 * 60_000;
      const before = await getStats(service.url);

      await publish(topic, [buildCreated({ amount: 7.77, timestamp: new Date(minute + 5_000).toISOString() })]);
      await statsWhen(service.url, 'the new event', (s) => s.total_transactions === before.total_transactions + 1);
      const body = (await (await fetch(`${service.url}/stats/timeseries`)).json()) as { minutes: number; points: { minute: string }[] };

      expect(body.minutes).to.equal(60);
      expect(body.points).to.have.length(60);
      expect(body.points.find((p) => p.minute === new Date(minute).toISOString())).to.deep.equal({
        minute: new Date(minute).toISOString(),
        transactions: 1,
        amount: 7.77,
        paid_transactions: 0,
        paid_amount: 0,
      });
    });
  });

  describe('GET /stats/stream', () => {
    it('pushes the current stats at once, then an update after a transaction is created', async () => {
      const events = readStatsEvents(`${service.url}/stats/stream`);
      const initial = await events.next();

      await publish(topic, [buildCreated({ amount: 3.33 })]);
      const update = await events.nextWhere((s) => s.total_transactions === initial.total_transactions + 1);
      events.close();

      expect(update.total_amount).to.be.closeTo(initial.total_amount + 3.33, 0.001);
    });

    it('coalesces a burst of changes into at most one update per interval', async () => {
      const events = readStatsEvents(`${service.url}/stats/stream?interval_ms=400`);
      const initial = await events.next();
      const started = Date.now();

      for (let i = 0; i < 20; i++) await publish(topic, [buildCreated()]);
      const received: number[] = [];
      await events.nextWhere((s) => {
        received.push(s.total_transactions);
        return s.total_transactions === initial.total_transactions + 20;
      });
      const elapsed = Date.now() - started;
      events.close();

      // One update may go out at once, then one per full 400 ms at most.
      expect(received.length).to.be.at.most(1 + Math.ceil(elapsed / 400));
      expect(received.length).to.be.below(20);
    });

    it('rejects an interval that is not a whole number of milliseconds with a 400', async () => {
      const res = await fetch(`${service.url}/stats/stream?interval_ms=soon`);

      expect(res.status).to.equal(400);
      expect(await res.json()).to.include({ code: 'VALIDATION_FAILED' });
    });
  });
});
