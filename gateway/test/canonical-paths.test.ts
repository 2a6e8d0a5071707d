import { expect } from 'chai';
import type { RunningService } from '@paymesh/shared/http';
import { startFakeUpstream, type FakeUpstream } from './support/fake-upstream.js';
import { startGateway } from './support/gateway.js';
import { rawHttp, rawRequest } from './support/raw-http.js';
import { startTestIssuer, type TestIssuer } from './support/test-issuer.js';

const credentials = JSON.stringify({ username: 'path_tricks', password: 'whatever-it-is' });
const jsonHeaders = { 'Content-Type': 'application/json' };

/** Spellings that some router or upstream would read as a protected or limited route. */
const NON_CANONICAL: [method: string, target: string][] = [
  ['POST', '/auth//login'],
  ['POST', '/auth/\\login'],
  ['POST', '/auth//register'],
  ['POST', '//auth/login'],
  ['POST', '/auth/login//'],
  ['POST', '/auth/%6Cogin'],
  ['POST', '/auth%2Flogin'],
  ['POST', '/auth%2flogin'],
  ['POST', '/auth/%5Clogin'],
  ['POST', '/auth/%2E/login'],
  ['POST', '/auth/./login'],
  ['POST', '/payment/../auth/login'],
  ['POST', '/auth/x/../login'],
  ['POST', 'http://localhost/auth/login'],
  ['GET', '/auth//me'],
  ['GET', '/auth/%2e%2e/auth/me'],
  ['GET', '/analytics//stats/me'],
  ['GET', '/analytics/stats//me'],
  ['GET', '/analytics/./stats/me'],
  ['GET', '/payment//transactions/list'],
  ['GET', '/payment\\transactions/list'],
  ['GET', '/analytics//stats/stream'],
  ['GET', 'http://localhost/payment/transactions/list'],
  ['OPTIONS', '*'],
];

describe('canonical request targets at the edge', () => {
  let auth: FakeUpstream;
  let payment: FakeUpstream;
  let analytics: FakeUpstream;
  let issuer: TestIssuer;
  let gateway: RunningService;

  before(async () => {
    [auth, payment, analytics, issuer] = await Promise.all([startFakeUpstream(), startFakeUpstream(), startFakeUpstream(), startTestIssuer()]);
    gateway = await startGateway({ AUTH_SERVICE_URL: auth.url, PAYMENT_SERVICE_URL: payment.url, ANALYTICS_SERVICE_URL: analytics.url, AUTH_JWKS_URL: issuer.jwksUrl });
  });

  after(async () => {
    await gateway.stop();
    await Promise.all([auth.stop(), payment.stop(), analytics.stop(), issuer.stop()]);
  });

  for (const [method, target] of NON_CANONICAL) {
    it(`refuses ${method} ${target} with 400 NON_CANONICAL_PATH in JSON, and forwards nothing`, async () => {
      const reached = auth.seen.length + payment.seen.length + analytics.seen.length;

      const res = await rawRequest(gateway.url, rawHttp(method, target, jsonHeaders, method === 'POST' ? credentials : ''));

      expect(res.status).to.equal(400);
      expect(res.body).to.include({ code: 'NON_CANONICAL_PATH', request_id: res.headers['x-request-id'] });
      expect(res.body.error).to.be.a('string');
      expect(auth.seen.length + payment.seen.length + analytics.seen.length).to.equal(reached);
    });
  }

  it('forwards a canonical path exactly as it was checked, with its query string', async () => {
    const res = await rawRequest(gateway.url, rawHttp('GET', '/auth/.well-known/jwks.json?x=1&y=%2F'));

    expect(res.status).to.equal(200);
    expect(auth.seen.at(-1)?.url).to.equal('/.well-known/jwks.json?x=1&y=%2F');
  });

  it('still checks the token on an authenticated route spelled canonically', async () => {
    const res = await rawRequest(gateway.url, rawHttp('GET', '/auth/me'));

    expect(res.status).to.equal(401);
    expect(res.body).to.include({ code: 'UNAUTHORIZED' });
  });
});
