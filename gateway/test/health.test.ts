import { expect } from 'chai';
import type { RunningService } from '@paymesh/shared/http';
import { startFakeUpstream, type FakeUpstream } from './support/fake-upstream.js';
import { NOWHERE, startGateway } from './support/gateway.js';
import { call, waitFor } from './support/http.js';
import { sharedAuthService } from '@paymesh/infra/testing';

interface Health {
  status: string;
  services: Record<string, { status: string; latency_ms: number; circuit: string; error?: string }>;
}

describe('GET /health and /ready', () => {
  let payment: FakeUpstream;
  let analytics: FakeUpstream;
  let gateway: RunningService | undefined;

  beforeEach(async () => {
    [payment, analytics] = await Promise.all([startFakeUpstream(), startFakeUpstream()]);
  });

  afterEach(async () => {
    await gateway?.stop();
    gateway = undefined;
    await Promise.all([payment.stop(), analytics.stop()]);
  });

  it('answers 200 with each service up and its latency when every upstream is ready (auth being the real service)', async () => {
    const auth = await sharedAuthService();
    gateway = await startGateway({ AUTH_SERVICE_URL: auth.url, PAYMENT_SERVICE_URL: payment.url, ANALYTICS_SERVICE_URL: analytics.url });

    const res = await call<Health>(`${gateway.url}/health`);

    expect(res.status).to.equal(200);
    expect(res.body.status).to.equal('ok');
    expect(Object.keys(res.body.services)).to.have.members(['auth', 'payment', 'analytics']);
    for (const service of Object.values(res.body.services)) {
      expect(service).to.include({ status: 'up', circuit: 'closed' });
      expect(service.latency_ms).to.be.a('number').and.at.least(0);
    }
  });

  it('answers 503 naming the service that is down, while still reporting the others', async () => {
    gateway = await startGateway({ AUTH_SERVICE_URL: NOWHERE, PAYMENT_SERVICE_URL: payment.url, ANALYTICS_SERVICE_URL: analytics.url });

    const res = await call<Health>(`${gateway.url}/health`);

    expect(res.status).to.equal(503);
    expect(res.body.status).to.equal('degraded');
    expect(res.body.services.auth).to.include({ status: 'down', error: 'unreachable' });
    expect(res.body.services.payment).to.include({ status: 'up' });
  });

  it('counts an upstream whose /ready answers 503 as down', async () => {
    analytics.ready(503);
    gateway = await startGateway({ AUTH_SERVICE_URL: payment.url, PAYMENT_SERVICE_URL: payment.url, ANALYTICS_SERVICE_URL: analytics.url });

    const res = await call<Health>(`${gateway.url}/health`);

    expect(res.status).to.equal(503);
    expect(res.body.services.analytics).to.include({ status: 'down', error: 'ready answered 503' });
  });

  it('counts an upstream that does not answer within HEALTH_TIMEOUT_MS as down, and answers in time itself', async () => {
    analytics.ready('never');
    gateway = await startGateway({
      AUTH_SERVICE_URL: payment.url,
      PAYMENT_SERVICE_URL: payment.url,
      ANALYTICS_SERVICE_URL: analytics.url,
      HEALTH_TIMEOUT_MS: '200',
    });

    const started = Date.now();
    const res = await call<Health>(`${gateway.url}/health`);

    expect(res.status).to.equal(503);
    expect(res.body.services.analytics).to.include({ status: 'down', error: 'no answer within 200 ms' });
    expect(Date.now() - started).to.be.below(2000);
  });

  it('answers many concurrent and repeated callers from one round of probes while the result is fresh', async () => {
    gateway = await startGateway({ AUTH_SERVICE_URL: payment.url, PAYMENT_SERVICE_URL: payment.url, ANALYTICS_SERVICE_URL: analytics.url, HEALTH_CACHE_MS: '5000' });

    const concurrent = await Promise.all(Array.from({ length: 20 }, () => call<Health>(`${gateway!.url}/health`)));
    const repeated = await call<Health>(`${gateway.url}/health`);

    expect([...concurrent, repeated].every((r) => r.status === 200)).to.equal(true);
    expect(analytics.readyCalls()).to.equal(1);
    expect(payment.readyCalls()).to.equal(2); // auth and payment both point at it here
  });

  it('probes again once the cached result is older than HEALTH_CACHE_MS, and then reports the change', async () => {
    gateway = await startGateway({ AUTH_SERVICE_URL: payment.url, PAYMENT_SERVICE_URL: payment.url, ANALYTICS_SERVICE_URL: analytics.url, HEALTH_CACHE_MS: '100' });
    expect((await call(`${gateway.url}/health`)).status).to.equal(200);
    analytics.ready(503);

    await waitFor('the health answer to notice', async () => (await call(`${gateway!.url}/health`)).status === 503, 5000, 20);

    expect(analytics.readyCalls()).to.be.at.least(2);
  });

  it('limits /health per client with 429 RATE_LIMITED, and leaves /ready unlimited', async () => {
    gateway = await startGateway({ AUTH_SERVICE_URL: payment.url, PAYMENT_SERVICE_URL: payment.url, ANALYTICS_SERVICE_URL: analytics.url, RATE_LIMIT_HEALTH_PER_IP: '3' });
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await call(`${gateway.url}/health`));
    const ready = await Promise.all(Array.from({ length: 10 }, () => call(`${gateway!.url}/ready`)));

    expect(answers.map((r) => r.status)).to.deep.equal([200, 200, 200, 429]);
    expect(answers[3]!.body).to.include({ code: 'RATE_LIMITED', request_id: answers[3]!.headers.get('x-request-id') });
    expect(answers[3]!.headers.get('retry-after')).to.be.a('string');
    expect(ready.every((r) => r.status === 200)).to.equal(true);
  });

  it('answers /ready with 200 for the gateway itself even when every upstream is down', async () => {
    gateway = await startGateway();

    const res = await call(`${gateway.url}/ready`);

    expect(res.status).to.equal(200);
    expect(res.body).to.include({ status: 'ready', service: 'gateway' });
  });
});
