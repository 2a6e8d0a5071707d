import { expect } from 'chai';
import { get, type IncomingMessage, type ServerResponse } from 'node:http';
import type { RunningService } from '@paymesh/shared/http';
import { startFakeUpstream, type FakeUpstream } from './support/fake-upstream.js';
import { startGateway } from './support/gateway.js';
import { call, waitFor } from './support/http.js';

interface Viewer {
  res: IncomingMessage;
  /** Every SSE data payload received so far. */
  events: string[];
  leave(): void;
}

let nextClient = 0;
const newClient = () => `10.7.0.${++nextClient}`;

/** A real SSE connection through the gateway, from the client address given. */
function watch(gateway: RunningService, client: string, query = ''): Promise<Viewer> {
  return new Promise((resolve, reject) => {
    const req = get(`${gateway.url}/analytics/stats/stream${query}`, { headers: { 'x-forwarded-for': client, accept: 'text/event-stream' } }, (res) => {
      const events: string[] = [];
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        for (const match of chunk.matchAll(/^data: (.*)$/gm)) events.push(match[1]!);
      });
      resolve({ res, events, leave: () => req.destroy() });
    });
    req.on('error', reject);
  });
}

describe('live stats streams at the edge', () => {
  let analytics: FakeUpstream;
  let gateway: RunningService;
  /** The SSE streams the analytics stand-in holds open, with the query each asked for. */
  const upstreamStreams: { url: string; res: ServerResponse }[] = [];
  const openUpstreams = () => upstreamStreams.filter((s) => !s.res.destroyed && !s.res.writableEnded);
  const push = (data: string) => openUpstreams().forEach((s) => s.res.write(`event: stats\ndata: ${data}\n\n`));

  before(async () => {
    analytics = await startFakeUpstream((req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('retry: 2000\n\n');
      res.write('event: stats\ndata: {"n":0}\n\n');
      upstreamStreams.push({ url: req.url ?? '', res });
    });
    gateway = await startGateway({ ANALYTICS_SERVICE_URL: analytics.url, TRUST_PROXY: 'loopback', STREAM_MAX_PER_CLIENT: '3', STREAM_MAX_TOTAL: '8', STREAM_MIN_INTERVAL_MS: '500' });
  });

  after(async () => {
    await gateway.stop();
    await analytics.stop();
  });

  afterEach(async () => {
    await waitFor('every upstream stream to be released', () => Promise.resolve(openUpstreams().length === 0), 5000, 20);
  });

  it('serves six viewers of one interval from one upstream stream, each getting the latest event at once and every update after', async () => {
    const viewers = await Promise.all(Array.from({ length: 6 }, (_, i) => watch(gateway, i < 3 ? newClient() : `10.7.1.${i}`, '?interval_ms=1000')));
    await waitFor('each viewer to get the current numbers', () => Promise.resolve(viewers.every((v) => v.events.length >= 1)), 5000, 20);

    push('{"n":1}');
    push('{"n":2}');
    await waitFor('each viewer to get both updates', () => Promise.resolve(viewers.every((v) => v.events.at(-1) === '{"n":2}')), 5000, 20);

    expect(openUpstreams().map((s) => s.url)).to.deep.equal(['/stats/stream?interval_ms=1000']);
    expect(viewers.every((v) => v.res.headers['content-type'] === 'text/event-stream')).to.equal(true);
    const late = await watch(gateway, newClient(), '?interval_ms=1000');
    await waitFor('a late viewer to get the latest event at once', () => Promise.resolve(late.events[0] === '{"n":2}'), 5000, 20);
    [...viewers, late].forEach((v) => v.leave());
  });

  it('opens one upstream stream per distinct interval, clamping anything faster than the floor to it', async () => {
    const viewers = await Promise.all(['', '?interval_ms=0', '?interval_ms=1', '?interval_ms=500', '?interval_ms=700', '?interval_ms=1000'].map((q) => watch(gateway, newClient(), q)));
    await waitFor('the upstream streams to open', () => Promise.resolve(openUpstreams().length === 2), 5000, 20);

    expect(openUpstreams().map((s) => s.url).sort()).to.deep.equal(['/stats/stream?interval_ms=1000', '/stats/stream?interval_ms=500']);
    viewers.forEach((v) => v.leave());
  });

  for (const query of ['?interval_ms=', '?interval_ms=soon', '?interval_ms=-5', '?interval_ms=1e3', '?interval_ms=60001', '?interval_ms=1&interval_ms=2']) {
    it(`answers ${query} with 400 INVALID_INTERVAL and opens nothing upstream`, async () => {
      const opened = upstreamStreams.length;

      const res = await call(`${gateway.url}/analytics/stats/stream${query}`);

      expect(res.status).to.equal(400);
      expect(res.body).to.include({ code: 'INVALID_INTERVAL', request_id: res.headers.get('x-request-id') });
      expect(upstreamStreams.length).to.equal(opened);
    });
  }

  it('caps viewers per client with 429 TOO_MANY_STREAMS and Retry-After, and frees a slot when a viewer leaves', async () => {
    const client = newClient();
    const viewers = await Promise.all([1, 2, 3].map(() => watch(gateway, client)));

    const refused = await call(`${gateway.url}/analytics/stats/stream`, { headers: { 'x-forwarded-for': client } });
    const otherClient = await watch(gateway, newClient());
    viewers[0]!.leave();
    await waitFor('the slot to be freed', async () => (await watch(gateway, client).then((v) => (viewers.push(v), v.res.statusCode))) === 200, 5000, 50);

    expect(refused.status).to.equal(429);
    expect(refused.body).to.include({ code: 'TOO_MANY_STREAMS', request_id: refused.headers.get('x-request-id') });
    expect(Number(refused.headers.get('retry-after'))).to.be.at.least(1);
    expect(otherClient.res.statusCode).to.equal(200);
    [...viewers, otherClient].forEach((v) => v.leave());
  });

  it('answers a HEAD at once, without taking a viewer slot or opening an upstream stream', async () => {
    const client = newClient();
    const opened = upstreamStreams.length;

    const heads = await Promise.all([1, 2, 3, 4, 5].map(() => call(`${gateway.url}/analytics/stats/stream`, { method: 'HEAD', headers: { 'x-forwarded-for': client } })));
    const viewer = await watch(gateway, client);

    expect(heads.map((r) => r.status)).to.deep.equal([200, 200, 200, 200, 200]);
    expect(viewer.res.statusCode).to.equal(200);
    expect(upstreamStreams.length).to.equal(opened + 1);
    viewer.leave();
  });

  it('caps viewers in total across clients', async () => {
    const viewers = await Promise.all(Array.from({ length: 8 }, () => watch(gateway, newClient())));

    const refused = await call(`${gateway.url}/analytics/stats/stream`, { headers: { 'x-forwarded-for': newClient() } });

    expect(refused.status).to.equal(429);
    expect(refused.body).to.include({ code: 'TOO_MANY_STREAMS' });
    viewers.forEach((v) => v.leave());
  });

  it('cuts every viewer of a stream when the upstream stream dies, so their browsers reconnect', async () => {
    const viewers = await Promise.all([1, 2].map(() => watch(gateway, newClient())));
    const closed = viewers.map((v) => new Promise<void>((resolve) => v.res.once('close', resolve)));

    openUpstreams().forEach((s) => s.res.destroy());

    await Promise.all(closed);
    expect(viewers.every((v) => !v.res.complete)).to.equal(true);
  });
});
