import { createPublicKey, randomUUID, type JsonWebKey } from 'node:crypto';
import { expect } from 'chai';
import { registerUser, sharedAuthService, type RegisteredUser, type RunningAuthService } from '@paymesh/infra/testing';
import type { RunningService } from '@paymesh/shared/http';
import { startFakeUpstream, type FakeUpstream } from './support/fake-upstream.js';
import { startGateway } from './support/gateway.js';
import { bearer, call, json } from './support/http.js';
import { forge, startTestIssuer, type TestIssuer } from './support/test-issuer.js';

interface Echo {
  url: string;
}

const PROTECTED = ['/payment/transactions/list', '/analytics/stats/me', '/auth/me'];

function expectRefused(res: { status: number; headers: Headers; body: Record<string, unknown> }, what: string) {
  expect(res.status, what).to.equal(401);
  expect(res.headers.get('www-authenticate'), what).to.match(/^Bearer/);
  expect(res.body.request_id, what).to.equal(res.headers.get('x-request-id'));
}

describe('token checks at the edge', () => {
  let auth: RunningAuthService;
  let payment: FakeUpstream;
  let analytics: FakeUpstream;
  let gateway: RunningService;
  let user: RegisteredUser;
  const upstreamCalls = () => payment.seen.length + analytics.seen.length;

  before(async () => {
    [auth, payment, analytics] = await Promise.all([sharedAuthService(), startFakeUpstream(), startFakeUpstream()]);
    gateway = await startGateway({ AUTH_SERVICE_URL: auth.url, PAYMENT_SERVICE_URL: payment.url, ANALYTICS_SERVICE_URL: analytics.url });
    user = await registerUser(auth.url);
  });

  after(async () => {
    await gateway.stop();
    await Promise.all([payment.stop(), analytics.stop()]);
  });

  it('refuses every protected route without a token: 401, WWW-Authenticate: Bearer, nothing forwarded', async () => {
    const before = upstreamCalls();

    for (const path of PROTECTED) expectRefused(await call(`${gateway.url}${path}`), path);
    expectRefused(await call(`${gateway.url}/payment/transactions`, json({ amount: 1 }, { authorization: 'Basic dXNlcjpwYXNz' })), 'basic auth');

    expect(upstreamCalls()).to.equal(before);
  });

  it('forwards a real token in its Authorization header for the service to verify, and no identity header, not even one the client made up', async () => {
    const res = await call<Echo>(`${gateway.url}/payment/transactions/list`, { headers: bearer(user.token, { 'x-user-id': randomUUID(), 'x-username': 'admin' }) });

    expect(res.status).to.equal(200);
    const seen = payment.seen.at(-1)!;
    expect(seen.headers.authorization).to.equal(`Bearer ${user.token}`);
    expect(seen.headers).not.to.have.property('x-user-id');
    expect(seen.headers).not.to.have.property('x-username');
  });

  it('checks /analytics/stats/me but leaves the public stats open', async () => {
    const mine = await call<Echo>(`${gateway.url}/analytics/stats/me`, { headers: bearer(user.token) });
    const everyone = await call<Echo>(`${gateway.url}/analytics/stats`);

    expect(mine.status).to.equal(200);
    expect(analytics.seen.at(-2)?.headers.authorization).to.equal(`Bearer ${user.token}`);
    expect(everyone.status).to.equal(200);
    expect(analytics.seen.at(-1)?.headers).not.to.have.property('authorization');
  });

  it('walks register, login and /me through the gateway against the real auth-service', async () => {
    const username = `gw_${randomUUID().slice(0, 8)}`;

    const registered = await call<{ id: string; token: string }>(`${gateway.url}/auth/register`, json({ username, password: 'long-enough-pw' }));
    const loggedIn = await call<{ id: string; token: string }>(`${gateway.url}/auth/login`, json({ username, password: 'long-enough-pw' }));
    const me = await call(`${gateway.url}/auth/me`, { headers: bearer(loggedIn.body.token) });

    expect(registered.status).to.equal(201);
    expect(loggedIn.status).to.equal(200);
    expect(me.status).to.equal(200);
    expect(me.body).to.include({ id: registered.body.id, username });
  });

  describe('refuses forged tokens with 401 and WWW-Authenticate: Bearer, before any service sees them', () => {
    let publicKey: ReturnType<typeof createPublicKey>;

    before(async () => {
      const jwks = (await call<{ keys: (JsonWebKey & { kid: string })[] }>(auth.jwksUrl)).body;
      const kid = JSON.parse(Buffer.from(user.token.split('.')[0]!, 'base64url').toString()) as { kid: string };
      const jwk = jwks.keys.find((key) => key.kid === kid.kid)!;
      publicKey = createPublicKey({ key: jwk, format: 'jwk' });
    });

    const attacks: [string, () => string][] = [
      ['alg none', () => forge.algNone(user.token)],
      ['HS256 signed with the public key', () => forge.hs256WithPublicKey(user.token, publicKey)],
      ['a tampered payload (another user id)', () => forge.tampered(user.token, randomUUID())],
      ['garbage', () => 'not.a.token'],
    ];
    for (const [name, token] of attacks) {
      it(`a token with ${name}`, async () => {
        const before = upstreamCalls();

        const res = await call(`${gateway.url}/payment/transactions/list`, { headers: bearer(token()) });

        expectRefused(res, name);
        expect(upstreamCalls()).to.equal(before);
      });
    }
  });
});

describe('token claims at the edge (tokens the real auth-service never issues)', () => {
  let issuer: TestIssuer;
  let payment: FakeUpstream;
  let gateway: RunningService;

  before(async () => {
    [issuer, payment] = await Promise.all([startTestIssuer(), startFakeUpstream()]);
    gateway = await startGateway({ PAYMENT_SERVICE_URL: payment.url, AUTH_JWKS_URL: issuer.jwksUrl });
  });

  after(async () => {
    await gateway.stop();
    await Promise.all([issuer.stop(), payment.stop()]);
  });

  const now = () => Math.floor(Date.now() / 1000);
  const cases: [string, () => string][] = [
    ['expired', () => issuer.sign({ iat: now() - 3600, exp: now() - 60 })],
    ['for another audience', () => issuer.sign({ aud: 'someone-else' })],
    ['from another issuer', () => issuer.sign({ iss: 'evil-auth' })],
    ['without an expiry', () => issuer.sign({ exp: undefined })],
  ];
  for (const [name, token] of cases) {
    it(`refuses a token ${name} with 401 and WWW-Authenticate: Bearer`, async () => {
      const before = payment.seen.length;

      const res = await call(`${gateway.url}/payment/transactions/list`, { headers: bearer(token()) });

      expectRefused(res, name);
      expect(payment.seen.length).to.equal(before);
    });
  }

  it('refuses a well-formed token signed by a key the issuer never published', async () => {
    const stranger = await startTestIssuer();
    const before = payment.seen.length;

    const res = await call(`${gateway.url}/payment/transactions/list`, { headers: bearer(stranger.sign()) });
    await stranger.stop();

    expectRefused(res, 'unknown key');
    expect(payment.seen.length).to.equal(before);
  });

  it('accepts the same issuer’s well-formed tokens (the cases above fail only on their claim), fetching its keys once, not per request', async () => {
    await call(`${gateway.url}/payment/transactions/list`, { headers: bearer(issuer.sign()) });
    const fetchesBefore = issuer.jwksFetches();

    const answers = await Promise.all(Array.from({ length: 10 }, () => call(`${gateway.url}/payment/transactions/list`, { headers: bearer(issuer.sign()) })));

    expect(answers.map((r) => r.status)).to.deep.equal(Array(10).fill(200));
    expect(issuer.jwksFetches()).to.equal(fetchesBefore);
  });
});
