import { expect } from 'chai';
import type { RunningGateway } from '../src/service.js';
import { startFakeUpstream, type FakeUpstream } from './support/fake-upstream.js';
import { NOWHERE, startGateway } from './support/gateway.js';
import { call } from './support/http.js';
import { sharedAuthService } from '../../infra/src/testing/auth-service.js';

interface Health {
  status: string;
  services: Record<string, { status: string; latency_ms: number; circuit: string; error?: string }>;
}

describe('GET /health and /ready', () => {
  let payment: FakeUpstream;
  let analytics: FakeUpstream;
  let gateway: RunningGateway | undefined;

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

  it('answers /ready with 200 for the gateway itself even when every upstream is down', async () => {
    gateway = await startGateway();

    const res = await call(`${gateway.url}/ready`);

    expect(res.status).to.equal(200);
    expect(res.body).to.include({ status: 'ready', service: 'gateway' });
  });
});
