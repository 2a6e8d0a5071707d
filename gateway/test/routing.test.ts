import { expect } from 'chai';
import { useFakeMesh } from './support/fake-mesh.js';
import { bearer, call } from './support/http.js';

interface Echo {
  method: string;
  url: string;
  body: string;
}

describe('routing at the edge', () => {
  const mesh = useFakeMesh();

  it('forwards /auth, /payment and /analytics to their service with the prefix stripped and the query kept', async () => {
    const token = mesh.issuer.sign();

    const viaAuth = await call<Echo>(`${mesh.gateway.url}/auth/.well-known/jwks.json`);
    const viaPayment = await call<Echo>(`${mesh.gateway.url}/payment/transactions/list?limit=5`, { headers: bearer(token) });
    const viaAnalytics = await call<Echo>(`${mesh.gateway.url}/analytics/stats?window=1h`);

    expect(viaAuth.body.url).to.equal('/.well-known/jwks.json');
    expect(viaPayment.body.url).to.equal('/transactions/list?limit=5');
    expect(viaAnalytics.body.url).to.equal('/stats?window=1h');
  });

  it('answers GET /stats as the short form of /analytics/stats', async () => {
    const res = await call<Echo>(`${mesh.gateway.url}/stats`);

    expect(res.status).to.equal(200);
    expect(res.body.url).to.equal('/stats');
    expect(mesh.analytics.seen.at(-1)?.url).to.equal('/stats');
  });

  it('answers an unknown route with a JSON 404 carrying the request id, without calling any service', async () => {
    const before = mesh.auth.seen.length + mesh.payment.seen.length + mesh.analytics.seen.length;

    const res = await call(`${mesh.gateway.url}/nothing/here`);

    expect(res.status).to.equal(404);
    expect(res.body).to.include({ code: 'NOT_FOUND', request_id: res.headers.get('x-request-id') });
    expect(mesh.auth.seen.length + mesh.payment.seen.length + mesh.analytics.seen.length).to.equal(before);
  });

  it('does not match a path that merely starts with a prefix', async () => {
    const res = await call(`${mesh.gateway.url}/authority`);

    expect(res.status).to.equal(404);
  });

  it('sends security headers and no framework banner, on its own answers and on proxied ones', async () => {
    for (const path of ['/nothing', '/analytics/stats']) {
      const res = await fetch(`${mesh.gateway.url}${path}`);
      await res.body?.cancel();

      expect(res.headers.get('x-powered-by'), path).to.equal(null);
      expect(res.headers.get('x-content-type-options'), path).to.equal('nosniff');
      expect(res.headers.get('strict-transport-security'), path).to.be.a('string');
      expect(res.headers.get('content-security-policy'), path).to.be.a('string');
    }
  });

  it('keeps a well-formed X-Request-Id from the client, returns it and forwards it upstream', async () => {
    const res = await call(`${mesh.gateway.url}/analytics/stats`, { headers: { 'x-request-id': 'client-trace.42' } });

    expect(res.headers.get('x-request-id')).to.equal('client-trace.42');
    expect(mesh.analytics.seen.at(-1)?.headers['x-request-id']).to.equal('client-trace.42');
  });

  it('replaces a malformed X-Request-Id with its own, and forwards that one', async () => {
    const res = await call(`${mesh.gateway.url}/analytics/stats`, { headers: { 'x-request-id': 'bad id <script>' } });

    const id = res.headers.get('x-request-id');
    expect(id).to.match(/^[0-9a-f-]{36}$/);
    expect(mesh.analytics.seen.at(-1)?.headers['x-request-id']).to.equal(id);
  });

  it('drops identity headers sent by the client and forwards its own view of the client address', async () => {
    await call(`${mesh.gateway.url}/analytics/stats`, {
      headers: { 'x-user-id': 'someone-else', 'x-username': 'admin', 'x-forwarded-for': '6.6.6.6', forwarded: 'for=6.6.6.6' },
    });

    const seen = mesh.analytics.seen.at(-1)!;
    expect(seen.headers).not.to.have.property('x-user-id');
    expect(seen.headers).not.to.have.property('x-username');
    expect(seen.headers).not.to.have.property('forwarded');
    expect(seen.headers['x-forwarded-for']).to.equal('127.0.0.1');
  });

  it('tells the service where it is mounted, so the links it builds work through the gateway', async () => {
    const token = mesh.issuer.sign();

    await call(`${mesh.gateway.url}/payment/transactions/list`, { headers: { ...bearer(token), 'x-forwarded-prefix': '/evil' } });
    const viaPayment = mesh.payment.seen.at(-1)!;
    await call(`${mesh.gateway.url}/stats`, { headers: { 'x-forwarded-prefix': '/evil' } });
    const viaShortForm = mesh.analytics.seen.at(-1)!;

    expect(viaPayment.headers['x-forwarded-prefix']).to.equal('/payment');
    expect(viaShortForm.headers).not.to.have.property('x-forwarded-prefix');
  });
});
