import { expect } from 'chai';
import { scrapeMetrics } from '@paymesh/shared/metrics-scrape';
import { loadGatewayConfig } from '../src/config.js';
import type { RunningService } from '@paymesh/shared/http';
import { startFakeUpstream, type FakeUpstream } from './support/fake-upstream.js';
import { startGateway } from './support/gateway.js';
import { call, waitFor } from './support/http.js';

const outsider = { 'x-forwarded-for': '203.0.113.7' };

describe('GET /metrics at the gateway', () => {
  let auth: FakeUpstream;
  let payment: FakeUpstream;
  let analytics: FakeUpstream;
  let gateway: RunningService;

  before(async () => {
    [auth, payment, analytics] = await Promise.all([startFakeUpstream(), startFakeUpstream(), startFakeUpstream()]);
    gateway = await startGateway({
      AUTH_SERVICE_URL: auth.url,
      PAYMENT_SERVICE_URL: payment.url,
      ANALYTICS_SERVICE_URL: analytics.url,
      TRUST_PROXY: 'loopback',
      RATE_LIMIT_LOGIN_PER_IP: '1',
      BREAKER_VOLUME: '2',
    });
  });

  after(async () => {
    await gateway.stop();
    await Promise.all([auth.stop(), payment.stop(), analytics.stop()]);
  });

  it('when a loopback caller asks, answers Prometheus text with default metrics and per-route request durations', async () => {
    await call(`${gateway.url}/stats`);
    await call(`${gateway.url}/no/such/page/${Date.now()}`);

    const scrape = await scrapeMetrics(gateway.url);

    expect(scrape.value('process_cpu_user_seconds_total')).to.be.a('number');
    expect(scrape.count('http_request_duration_seconds', { route: '/stats', status_class: '2xx' })).to.be.at.least(1);
    expect(scrape.count('http_request_duration_seconds', { route: 'unmatched', status_class: '4xx' })).to.be.at.least(1);
    const routes = scrape.samples('http_request_duration_seconds_count').map((s) => s.labels?.route);
    expect(routes.some((route) => route?.includes('/no/such'))).to.equal(false);
  });

  it('when a caller outside the allowed networks asks, answers 404 JSON and no metrics', async () => {
    const res = await call(`${gateway.url}/metrics`, { headers: outsider });

    expect(res.status).to.equal(404);
    expect(res.body).to.include({ code: 'NOT_FOUND' });
  });

  for (const path of ['/auth/metrics', '/payment/metrics', '/analytics/metrics', '/PAYMENT/Metrics/']) {
    it(`never forwards ${path} to the upstream: answers 404 JSON`, async () => {
      const before = auth.seen.length + payment.seen.length + analytics.seen.length;

      const res = await call(`${gateway.url}${path}`, { headers: outsider });

      expect(res.status).to.equal(404);
      expect(res.body).to.include({ code: 'NOT_FOUND' });
      expect(auth.seen.length + payment.seen.length + analytics.seen.length).to.equal(before);
    });
  }

  it('counts 429s by rule and times upstream calls', async () => {
    // Only failed logins count against the limit, so the upstream refuses this one.
    auth.handle((_req, res) => res.writeHead(401, { 'content-type': 'application/json' }).end('{"code":"INVALID_CREDENTIALS"}'));
    const client = { 'content-type': 'application/json', 'x-forwarded-for': '10.44.0.1' };
    const body = JSON.stringify({ username: 'metrics_user', password: 'whatever-it-is' });
    await call(`${gateway.url}/auth/login`, { method: 'POST', headers: client, body });
    const refused = await call(`${gateway.url}/auth/login`, { method: 'POST', headers: client, body });

    const scrape = await scrapeMetrics(gateway.url);

    expect(refused.status).to.equal(429);
    expect(scrape.value('gateway_rate_limited_total', { rule: 'failed logins per client' })).to.be.at.least(1);
    expect(scrape.count('gateway_upstream_duration_seconds', { upstream: 'auth', status_class: '4xx' })).to.be.at.least(1);
    expect(scrape.count('http_request_duration_seconds', { route: '/auth/*' })).to.be.at.least(1);
  });

  it('shows an upstream breaker opening when the upstream is unavailable', async () => {
    // The breaker counts unavailability (503 here), never an upstream's 500.
    analytics.handle((_req, res) => res.writeHead(503, { 'content-type': 'application/json' }).end('{}'));
    const before = await scrapeMetrics(gateway.url);

    await waitFor('the analytics breaker to open', async () => (await call(`${gateway.url}/stats`)).headers.has('retry-after'), 5000, 50);
    const after = await scrapeMetrics(gateway.url);

    expect(before.value('gateway_circuit_state', { upstream: 'analytics', state: 'closed' })).to.equal(1);
    expect(after.value('gateway_circuit_state', { upstream: 'analytics', state: 'open' })).to.equal(1);
    expect(after.value('gateway_circuit_state', { upstream: 'payment', state: 'closed' })).to.equal(1);
  });

  it('counts an event stream while it is open', async () => {
    auth.handle((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('data: {}\n\n');
    });
    const controller = new AbortController();
    const stream = await fetch(`${gateway.url}/auth/stream`, { signal: controller.signal });

    const open = await scrapeMetrics(gateway.url);
    controller.abort();
    await stream.body?.cancel().catch(() => undefined);
    await waitFor('the stream to be counted closed', async () => (await scrapeMetrics(gateway.url)).value('gateway_open_streams', { upstream: 'auth' }) === 0, 5000, 50);

    expect(open.value('gateway_open_streams', { upstream: 'auth' })).to.equal(1);
  });

  it('refuses a METRICS_ALLOW item that is not an address or CIDR range at start-up, naming it', () => {
    const refuse = () => loadGatewayConfig({ METRICS_ALLOW: '10.0.0.0/8,10.1.2.3/40,not-an-ip' });

    expect(refuse).to.throw(/"10\.1\.2\.3\/40" is not an IP address or CIDR range/);
    expect(refuse).to.throw(/"not-an-ip" is not an IP address or CIDR range/);
  });

  it('when METRICS_ALLOW lists only another network, answers loopback callers 404 too', async () => {
    const closed = await startGateway({ METRICS_ALLOW: '192.0.2.0/24' });
    try {
      const res = await call(`${closed.url}/metrics`);

      expect(res.status).to.equal(404);
    } finally {
      await closed.stop();
    }
  });
});
