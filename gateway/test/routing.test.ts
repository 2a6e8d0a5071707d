import { expect } from 'chai';
import type { RunningService } from '@paymesh/shared/http';
import { startFakeUpstream, type FakeUpstream } from './support/fake-upstream.js';
import { startGateway } from './support/gateway.js';
import { bearer, call } from './support/http.js';
import { startTestIssuer, type TestIssuer } from './support/test-issuer.js';

interface Echo {
  method: string;
  url: string;
  body: string;
}

describe('routing at the edge', () => {
  let auth: FakeUpstream;
  let payment: FakeUpstream;
  let analytics: FakeUpstream;
  let issuer: TestIssuer;
  let gateway: RunningService;

  before(async () => {
    [auth, payment, analytics, issuer] = await Promise.all([startFakeUpstream(), startFakeUpstream(), startFakeUpstream(), startTestIssuer()]);
    gateway = await startGateway({
      AUTH_SERVICE_URL: auth.url,
      PAYMENT_SERVICE_URL: payment.url,
      ANALYTICS_SERVICE_URL: analytics.url,
      AUTH_JWKS_URL: issuer.jwksUrl,
    });
  });

  after(async () => {
    await gateway.stop();
    await Promise.all([auth.stop(), payment.stop(), analytics.stop(), issuer.stop()]);
  });

  it('forwards /auth, /payment and /analytics to their service with the prefix stripped and the query kept', async () => {
    const token = issuer.sign();

    const viaAuth = await call<Echo>(`${gateway.url}/auth/.well-known/jwks.json`);
    const viaPayment = await call<Echo>(`${gateway.url}/payment/transactions/list?limit=5`, { headers: bearer(token) });
    const viaAnalytics = await call<Echo>(`${gateway.url}/analytics/stats?window=1h`);

    expect(viaAuth.body.url).to.equal('/.well-known/jwks.json');
    expect(viaPayment.body.url).to.equal('/transactions/list?limit=5');
    expect(viaAnalytics.body.url).to.equal('/stats?window=1h');
  });

  it('answers GET /stats as the short form of /analytics/stats', async () => {
    const res = await call<Echo>(`${gateway.url}/stats`);

    expect(res.status).to.equal(200);
    expect(res.body.url).to.equal('/stats');
    expect(analytics.seen.at(-1)?.url).to.equal('/stats');
  });

  it('answers an unknown route with a JSON 404 carrying the request id, without calling any service', async () => {
    const before = auth.seen.length + payment.seen.length + analytics.seen.length;

    const res = await call(`${gateway.url}/nothing/here`);

    expect(res.status).to.equal(404);
    expect(res.body).to.include({ code: 'NOT_FOUND', request_id: res.headers.get('x-request-id') });
    expect(auth.seen.length + payment.seen.length + analytics.seen.length).to.equal(before);
  });

  it('does not match a path that merely starts with a prefix', async () => {
    const res = await call(`${gateway.url}/authority`);

    expect(res.status).to.equal(404);
  });

  it('sends security headers and no framework banner, on its own answers and on proxied ones', async () => {
    for (const path of ['/nothing', '/analytics/stats']) {
      const res = await fetch(`${gateway.url}${path}`);
      await res.body?.cancel();

      expect(res.headers.get('x-powered-by'), path).to.equal(null);
      expect(res.headers.get('x-content-type-options'), path).to.equal('nosniff');
      expect(res.headers.get('strict-transport-security'), path).to.be.a('string');
      expect(res.headers.get('content-security-policy'), path).to.be.a('string');
    }
  });

  it('keeps a well-formed X-Request-Id from the client, returns it and forwards it upstream', async () => {
    const res = await call(`${gateway.url}/analytics/stats`, { headers: { 'x-request-id': 'client-trace.42' } });

    expect(res.headers.get('x-request-id')).to.equal('client-trace.42');
    expect(analytics.seen.at(-1)?.headers['x-request-id']).to.equal('client-trace.42');
  });

  it('replaces a malformed X-Request-Id with its own, and forwards that one', async () => {
    const res = await call(`${gateway.url}/analytics/stats`, { headers: { 'x-request-id': 'bad id <script>' } });

    const id = res.headers.get('x-request-id');
    expect(id).to.match(/^[0-9a-f-]{36}$/);
    expect(analytics.seen.at(-1)?.headers['x-request-id']).to.equal(id);
  });

  it('drops identity headers sent by the client and forwards its own view of the client address', async () => {
    await call(`${gateway.url}/analytics/stats`, {
      headers: { 'x-user-id': 'someone-else', 'x-username': 'admin', 'x-forwarded-for': '6.6.6.6', forwarded: 'for=6.6.6.6' },
    });

    const seen = analytics.seen.at(-1)!;
    expect(seen.headers).not.to.have.property('x-user-id');
    expect(seen.headers).not.to.have.property('x-username');
    expect(seen.headers).not.to.have.property('forwarded');
    expect(seen.headers['x-forwarded-for']).to.equal('127.0.0.1');
  });

  it('tells the service where it is mounted, so the links it builds work through the gateway', async () => {
    const token = issuer.sign();

    await call(`${gateway.url}/payment/transactions/list`, { headers: { ...bearer(token), 'x-forwarded-prefix': '/evil' } });
    const viaPayment = payment.seen.at(-1)!;
    await call(`${gateway.url}/stats`, { headers: { 'x-forwarded-prefix': '/evil' } });
    const viaShortForm = analytics.seen.at(-1)!;

    expect(viaPayment.headers['x-forwarded-prefix']).to.equal('/payment');
    expect(viaShortForm.headers).not.to.have.property('x-forwarded-prefix');
  });
});
