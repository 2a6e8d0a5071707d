import { expect } from 'chai';
import { useFakeMesh } from './support/fake-mesh.js';
import { rawHttp, rawRequest } from './support/raw-http.js';

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
  const mesh = useFakeMesh();

  for (const [method, target] of NON_CANONICAL) {
    it(`refuses ${method} ${target} with 400 NON_CANONICAL_PATH in JSON, and forwards nothing`, async () => {
      const reached = mesh.auth.seen.length + mesh.payment.seen.length + mesh.analytics.seen.length;

      const res = await rawRequest(mesh.gateway.url, rawHttp(method, target, jsonHeaders, method === 'POST' ? credentials : ''));

      expect(res.status).to.equal(400);
      expect(res.body).to.include({ code: 'NON_CANONICAL_PATH', request_id: res.headers['x-request-id'] });
      expect(res.body.error).to.be.a('string');
      expect(mesh.auth.seen.length + mesh.payment.seen.length + mesh.analytics.seen.length).to.equal(reached);
    });
  }

  it('forwards a canonical path exactly as it was checked, with its query string', async () => {
    const res = await rawRequest(mesh.gateway.url, rawHttp('GET', '/auth/.well-known/jwks.json?x=1&y=%2F'));

    expect(res.status).to.equal(200);
    expect(mesh.auth.seen.at(-1)?.url).to.equal('/.well-known/jwks.json?x=1&y=%2F');
  });

  it('still checks the token on an authenticated route spelled canonically', async () => {
    const res = await rawRequest(mesh.gateway.url, rawHttp('GET', '/auth/me'));

    expect(res.status).to.equal(401);
    expect(res.body).to.include({ code: 'UNAUTHORIZED' });
  });
});
