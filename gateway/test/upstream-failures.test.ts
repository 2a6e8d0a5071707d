import { expect } from 'chai';
import { get, type IncomingMessage, type ServerResponse } from 'node:http';
import type { RunningService } from '@paymesh/shared/http';
import { echo, startFakeUpstream, type FakeUpstream } from './support/fake-upstream.js';
import { NOWHERE, startGateway } from './support/gateway.js';
import { call, waitFor } from './support/http.js';

const breakerEnv = { BREAKER_VOLUME: '3', BREAKER_ERROR_PERCENT: '50', BREAKER_RESET_MS: '300' };

const circuitOf = async (gateway: RunningService, name: string) =>
  ((await call<{ services: Record<string, { circuit: string }> }>(`${gateway.url}/health`)).body.services[name]?.circuit);

describe('upstream failures', () => {
  let analytics: FakeUpstream;
  let gateway: RunningService | undefined;

  beforeEach(async () => {
    analytics = await startFakeUpstream();
  });

  afterEach(async () => {
    await gateway?.stop();
    gateway = undefined;
    await analytics.stop();
  });

  it('answers 502 UPSTREAM_UNREACHABLE in JSON, with the request id, when nothing listens upstream', async () => {
    gateway = await startGateway({ ANALYTICS_SERVICE_URL: NOWHERE });

    const res = await call(`${gateway.url}/analytics/stats`);

    expect(res.status).to.equal(502);
    expect(res.body).to.include({ code: 'UPSTREAM_UNREACHABLE', request_id: res.headers.get('x-request-id') });
  });

  it('answers 504 UPSTREAM_TIMEOUT when the upstream takes longer than the route timeout, and abandons the upstream call', async () => {
    const held: ServerResponse[] = [];
    analytics.handle((_req, res) => held.push(res));
    gateway = await startGateway({ ANALYTICS_SERVICE_URL: analytics.url, ANALYTICS_TIMEOUT_MS: '200' });

    const started = Date.now();
    const res = await call(`${gateway.url}/analytics/stats`);

    expect(res.status).to.equal(504);
    expect(res.body).to.include({ code: 'UPSTREAM_TIMEOUT', request_id: res.headers.get('x-request-id') });
    expect(Date.now() - started).to.be.within(190, 5000);
    await waitFor('the upstream call to be aborted', () => Promise.resolve(held[0]?.destroyed === true), 5000, 20);
  });

  it("passes an upstream's own 5xx answer through unchanged", async () => {
    analytics.handle((_req, res) => res.writeHead(500, { 'content-type': 'application/json' }).end('{"error":"boom","code":"ANALYTICS_BUG"}'));
    gateway = await startGateway({ ANALYTICS_SERVICE_URL: analytics.url });

    const res = await call(`${gateway.url}/analytics/stats`);

    expect(res.status).to.equal(500);
    expect(res.body).to.deep.equal({ error: 'boom', code: 'ANALYTICS_BUG' });
  });

  it('opens the breaker when an upstream stops, answers 503 at once while open, and closes once the upstream is back', async () => {
    gateway = await startGateway({ ANALYTICS_SERVICE_URL: analytics.url, ...breakerEnv });
    const url = `${gateway.url}/analytics/stats`;
    expect((await call(url)).status).to.equal(200);

    await analytics.stop();
    let refused = await call(url);
    await waitFor('the breaker to open', async () => (refused = await call(url)).status === 503, 5000, 10);

    expect(refused.body).to.include({ code: 'UPSTREAM_UNAVAILABLE', request_id: refused.headers.get('x-request-id') });
    expect(refused.headers.get('retry-after')).to.equal('1');
    expect(await circuitOf(gateway, 'analytics')).to.equal('open');

    await analytics.restart();
    await waitFor('the breaker to close again', async () => (await call(url)).status === 200, 5000, 50);

    expect(await circuitOf(gateway, 'analytics')).to.equal('closed');
  });

  it("never opens the breaker on an upstream's 500s, which one request can cause: other clients keep being served", async () => {
    analytics.handle((req, res, body) => {
      if (req.url === '/stats/boom') return void res.writeHead(500, { 'content-type': 'application/json' }).end('{"code":"BUG"}');
      echo(req, res, body);
    });
    gateway = await startGateway({ ANALYTICS_SERVICE_URL: analytics.url, ...breakerEnv });

    const bugs = await Promise.all(Array.from({ length: 30 }, () => call(`${gateway!.url}/analytics/stats/boom`)));
    const other = await call(`${gateway.url}/analytics/stats`);

    expect(bugs.every((r) => r.status === 500)).to.equal(true);
    expect(other.status).to.equal(200);
    expect(await circuitOf(gateway, 'analytics')).to.equal('closed');
  });

  for (const status of [502, 503, 504]) {
    it(`opens the breaker when the upstream answers ${status}, the status of a service that cannot serve`, async () => {
      analytics.handle((_req, res) => res.writeHead(status).end());
      gateway = await startGateway({ ANALYTICS_SERVICE_URL: analytics.url, ...breakerEnv, BREAKER_RESET_MS: '60000' });

      await waitFor('the breaker to open', async () => (await call(`${gateway!.url}/analytics/stats`)).body.code === 'UPSTREAM_UNAVAILABLE', 5000, 10);

      expect(await circuitOf(gateway, 'analytics')).to.equal('open');
    });
  }

  it('opens the breaker when the upstream times out', async () => {
    analytics.handle(() => undefined);
    gateway = await startGateway({ ANALYTICS_SERVICE_URL: analytics.url, ...breakerEnv, ANALYTICS_TIMEOUT_MS: '50', BREAKER_RESET_MS: '60000' });

    await waitFor('the breaker to open', async () => (await call(`${gateway!.url}/analytics/stats`)).body.code === 'UPSTREAM_UNAVAILABLE', 5000, 10);

    expect(await circuitOf(gateway, 'analytics')).to.equal('open');
  });

  it('while open, turns requests away without sending them to a failing upstream', async () => {
    analytics.handle((_req, res) => res.writeHead(503).end());
    gateway = await startGateway({ ANALYTICS_SERVICE_URL: analytics.url, ...breakerEnv, BREAKER_RESET_MS: '60000' });
    const url = `${gateway.url}/analytics/stats`;
    await waitFor('the breaker to open', async () => (await call(url)).body.code === 'UPSTREAM_UNAVAILABLE', 5000, 10);
    const reached = analytics.seen.length;

    const answers = await Promise.all(Array.from({ length: 20 }, () => call(url)));

    expect(answers.every((r) => r.status === 503 && r.body.code === 'UPSTREAM_UNAVAILABLE')).to.equal(true);
    expect(analytics.seen.length).to.equal(reached);
  });

  it("keeps each upstream's breaker to itself: auth down does not stop analytics", async () => {
    gateway = await startGateway({ ANALYTICS_SERVICE_URL: analytics.url, AUTH_SERVICE_URL: NOWHERE, ...breakerEnv });
    const toAuth = `${gateway.url}/auth/.well-known/jwks.json`;
    await waitFor('the auth breaker to open', async () => (await call(toAuth)).body.code === 'UPSTREAM_UNAVAILABLE', 5000, 10);

    const stats = await call(`${gateway.url}/stats`);

    expect(stats.status).to.equal(200);
    expect(await circuitOf(gateway, 'auth')).to.equal('open');
    expect(await circuitOf(gateway, 'analytics')).to.equal('closed');
  });

  describe('server-sent events', () => {
    it('pass through unbuffered, outlive the route timeout, and release the upstream when the client leaves', async () => {
      let stream: ServerResponse | undefined;
      analytics.handle((req, res, body) => {
        if (!req.url?.startsWith('/stats/stream')) return echo(req, res, body);
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
        res.write('data: {"n":1}\n\n');
        stream = res;
      });
      const timeoutMs = 200;
      gateway = await startGateway({ ANALYTICS_SERVICE_URL: analytics.url, ANALYTICS_TIMEOUT_MS: String(timeoutMs) });
      // node:http rather than fetch: fetch opens a spare connection when a stream is cancelled.
      const res = await new Promise<IncomingMessage>((resolve, reject) => get(`${gateway!.url}/analytics/stats/stream`, resolve).on('error', reject));
      res.setEncoding('utf8');
      const chunks = res[Symbol.asyncIterator]() as AsyncIterator<string>;

      // The first event arrives while the upstream still holds the stream open: nothing buffers it.
      const first = await chunks.next();
      // Outlast the route timeout on purpose: a stream that has started must not be cut by it.
      await new Promise((resolve) => setTimeout(resolve, timeoutMs * 2));
      stream!.write('data: {"n":2}\n\n');
      const second = await chunks.next();
      res.destroy();

      expect(res.headers['content-type']).to.equal('text/event-stream');
      expect(first.value).to.equal('data: {"n":1}\n\n');
      expect(second.value).to.equal('data: {"n":2}\n\n');
      await waitFor('the upstream stream to be released', () => Promise.resolve(stream!.destroyed || stream!.writableEnded), 5000, 20);
    });

    it('end the client stream when the upstream dies mid-stream, instead of leaving it hanging', async () => {
      let stream: ServerResponse | undefined;
      analytics.handle((_req, res) => {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        res.write('data: {"n":1}\n\n');
        stream = res;
      });
      gateway = await startGateway({ ANALYTICS_SERVICE_URL: analytics.url });
      const res = await new Promise<IncomingMessage>((resolve, reject) => get(`${gateway!.url}/analytics/stats/stream`, resolve).on('error', reject));
      const closed = new Promise<void>((resolve) => res.once('close', resolve));
      res.resume();

      stream!.destroy();

      await closed;
      expect(res.complete).to.equal(false);
    });
  });
});
