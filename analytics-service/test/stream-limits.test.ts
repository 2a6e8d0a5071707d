import { expect } from 'chai';
import { ConfigError } from '@paymesh/shared/config';
import { loadAnalyticsConfig } from '../src/config.js';
import type { RunningService } from '@paymesh/shared/http';
import { startAnalytics } from './support/analytics.js';
import { buildCreated } from './support/events.js';
import { closePublisher, deleteCreatedTopics, publish, uniqueTopics } from './support/kafka.js';
import { readStatsEvents } from './support/sse.js';
import { waitFor } from '@paymesh/infra/testing';

interface OpenStream {
  status: number;
  body: unknown;
  retryAfter: string | null;
  close(): void;
}

/** Opens /stats/stream as the client `ip` (the gateway reports it in X-Forwarded-For); a 200 stays open until closed. */
async function openStream(url: string, ip: string): Promise<OpenStream> {
  const controller = new AbortController();
  const res = await fetch(url, { signal: controller.signal, headers: { accept: 'text/event-stream', 'x-forwarded-for': ip } });
  const body = res.status === 200 ? undefined : await res.json();
  return { status: res.status, body, retryAfter: res.headers.get('retry-after'), close: () => controller.abort() };
}

const FLOOR_MS = 400;

describe('GET /stats/stream limits', () => {
  let service: RunningService;
  let topic: string;
  const streams: OpenStream[] = [];

  before(async () => {
    const topics = await uniqueTopics();
    topic = topics.topic;
    service = await startAnalytics(topics.topic, topics.dlq, {
      STREAM_INTERVAL_MS: String(FLOOR_MS),
      STREAM_MIN_INTERVAL_MS: String(FLOOR_MS),
      STREAM_MAX_PER_CLIENT: '2',
      STREAM_MAX_TOTAL: '3',
    });
  });
  afterEach(() => {
    streams.splice(0).forEach((s) => s.close());
  });
  after(async () => {
    await service?.stop();
    await closePublisher();
    await deleteCreatedTopics();
  });

  const open = async (ip: string, query = '') => {
    const stream = await openStream(`${service.url}/stats/stream${query}`, ip);
    streams.push(stream);
    return stream;
  };

  describe('interval_ms', () => {
    for (const query of ['?interval_ms=', '?interval_ms=-1', '?interval_ms=NaN', '?interval_ms=1.5', '?interval_ms=1e3', '?interval_ms=0x10',
      '?interval_ms=%20500', '?interval_ms=60001', '?interval_ms=99999999999', '?interval_ms=500&interval_ms=500']) {
      it(`when the query is ${query}, answers 400 VALIDATION_FAILED and opens no stream`, async () => {
        const res = await open('198.51.100.1', query);

        expect(res.status).to.equal(400);
        expect(res.body).to.include({ code: 'VALIDATION_FAILED' });
        expect((res.body as { request_id: unknown }).request_id).to.be.a('string');
      });
    }

    for (const asked of ['0', '1', String(FLOOR_MS - 1)]) {
      it(`when ${asked} ms is asked for, updates still come at most once per ${FLOOR_MS} ms (the floor)`, async () => {
        const events = readStatsEvents(`${service.url}/stats/stream?interval_ms=${asked}`);
        const initial = await events.next();
        const started = Date.now();

        for (let i = 0; i < 15; i++) await publish(topic, [buildCreated()]);
        const received: number[] = [];
        await events.nextWhere((s) => {
          received.push(s.total_transactions);
          return s.total_transactions === initial.total_transactions + 15;
        });
        const elapsed = Date.now() - started;
        events.close();

        expect(received.length).to.be.at.most(1 + Math.ceil(elapsed / FLOOR_MS));
      });
    }
  });

  describe('concurrent streams', () => {
    it('when one client holds the most it may, its next stream is a 429 TOO_MANY_STREAMS with Retry-After, and closing one lets it in again', async () => {
      const [first, second] = [await open('203.0.113.7'), await open('203.0.113.7')];

      const third = await open('203.0.113.7');
      first.close();
      let again: OpenStream | undefined;
      await waitFor('a stream to be admitted once one closed', async () => {
        again?.close();
        again = await open('203.0.113.7');
        return again.status === 200;
      }, 5000, 50);

      expect([first.status, second.status]).to.deep.equal([200, 200]);
      expect(third.status).to.equal(429);
      expect(third.body).to.include({ code: 'TOO_MANY_STREAMS' });
      expect(third.retryAfter).to.match(/^\d+$/);
      expect(again!.status).to.equal(200);
    });

    it('when the service holds the most streams in total, a new client gets 429, though its own count is zero', async () => {
      const admitted = [await open('192.0.2.1'), await open('192.0.2.1'), await open('192.0.2.2')];

      const newcomer = await open('192.0.2.3');

      expect(admitted.map((s) => s.status)).to.deep.equal([200, 200, 200]);
      expect(newcomer.status).to.equal(429);
      expect(newcomer.body).to.include({ code: 'TOO_MANY_STREAMS' });
    });
  });

  describe('configuration', () => {
    const load = (env: Record<string, string>) => () => loadAnalyticsConfig({ ...process.env, ...env });

    it('refuses a default interval below the floor, and a per-client cap above the total', () => {
      expect(load({ STREAM_INTERVAL_MS: '100', STREAM_MIN_INTERVAL_MS: '250' })).to.throw(ConfigError, /STREAM_INTERVAL_MS/);
      expect(load({ STREAM_MAX_PER_CLIENT: '10', STREAM_MAX_TOTAL: '5' })).to.throw(ConfigError, /STREAM_MAX_PER_CLIENT/);
      expect(load({ STREAM_MAX_TOTAL: '0' })).to.throw(ConfigError, /STREAM_MAX_TOTAL/);
    });
  });
});
