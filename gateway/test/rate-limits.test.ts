import { expect } from 'chai';
import type { RunningGateway } from '../src/service.js';
import { startFakeUpstream, type FakeUpstream } from './support/fake-upstream.js';
import { startGateway } from './support/gateway.js';
import { bearer, call, json } from './support/http.js';
import { startTestIssuer, type TestIssuer } from './support/test-issuer.js';

let nextClient = 0;
/** A distinct client address per call site; the gateway trusts X-Forwarded-For from loopback in these tests. */
const newClient = () => ({ 'x-forwarded-for': `10.9.${Math.floor(++nextClient / 250)}.${nextClient % 250}` });
let nextName = 0;
const newUsername = () => `limited_${process.pid}_${++nextName}`;

const login = (url: string, username: string, client: Record<string, string>) =>
  call(`${url}/auth/login`, json({ username, password: 'whatever-it-is' }, client));

async function times<T>(n: number, fn: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let i = 0; i < n; i++) results.push(await fn(i));
  return results;
}

describe('rate limits at the edge', () => {
  let auth: FakeUpstream;
  let payment: FakeUpstream;
  let issuer: TestIssuer;

  before(async () => {
    [auth, payment, issuer] = await Promise.all([startFakeUpstream(), startFakeUpstream(), startTestIssuer()]);
  });

  after(async () => {
    await Promise.all([auth.stop(), payment.stop(), issuer.stop()]);
  });

  describe('with the default login limits (10 a minute)', () => {
    let gateway: RunningGateway;

    before(async () => {
      gateway = await startGateway({ AUTH_SERVICE_URL: auth.url, TRUST_PROXY: 'loopback' });
    });

    after(() => gateway.stop());

    it('answers the 11th login from one client within the minute with 429, Retry-After and our error body, and never forwards it', async () => {
      const client = newClient();
      const allowed = await times(10, () => login(gateway.url, newUsername(), client));
      const before = auth.seen.length;

      const refused = await login(gateway.url, newUsername(), client);

      expect(allowed.map((r) => r.status)).to.deep.equal(Array(10).fill(200));
      expect(refused.status).to.equal(429);
      expect(Number(refused.headers.get('retry-after'))).to.be.within(1, 60);
      expect(refused.body).to.include({ code: 'RATE_LIMITED', request_id: refused.headers.get('x-request-id') });
      expect(auth.seen.length).to.equal(before);
    });

    it('counts registrations and logins against the same per-client budget', async () => {
      const client = newClient();
      await times(10, () => call(`${gateway.url}/auth/register`, json({ username: newUsername(), password: 'long-enough' }, client)));

      const refused = await login(gateway.url, newUsername(), client);

      expect(refused.status).to.equal(429);
    });

    it('limits one username tried from many clients, whatever its letter case, and leaves other usernames alone', async () => {
      const target = newUsername();
      const variants = [target, target.toUpperCase()];
      await times(10, (i) => login(gateway.url, variants[i % 2]!, newClient()));

      const refused = await login(gateway.url, target.toUpperCase(), newClient());
      const otherUser = await login(gateway.url, newUsername(), newClient());

      expect(refused.status).to.equal(429);
      expect(refused.headers.get('retry-after')).to.be.a('string');
      expect(otherUser.status).to.equal(200);
    });

    it('does not let one client use up the login budget of another', async () => {
      const noisy = newClient();
      await times(11, () => login(gateway.url, newUsername(), noisy));

      const quiet = await login(gateway.url, newUsername(), newClient());

      expect(quiet.status).to.equal(200);
    });
  });

  describe('the general per-client limit', () => {
    let gateway: RunningGateway;

    before(async () => {
      gateway = await startGateway({ AUTH_SERVICE_URL: auth.url, RATE_LIMIT_PER_IP: '5', TRUST_PROXY: 'loopback' });
    });

    after(() => gateway.stop());

    it('answers 429 with Retry-After once a client passes its budget on any route', async () => {
      const client = newClient();
      const allowed = await times(5, () => call(`${gateway.url}/auth/.well-known/jwks.json`, { headers: client }));

      const refused = await call(`${gateway.url}/auth/.well-known/jwks.json`, { headers: client });
      const otherClient = await call(`${gateway.url}/auth/.well-known/jwks.json`, { headers: newClient() });

      expect(allowed.every((r) => r.status === 200)).to.equal(true);
      expect(refused.status).to.equal(429);
      expect(refused.headers.get('retry-after')).to.be.a('string');
      expect(otherClient.status).to.equal(200);
    });

    it('never limits the gateway probes', async () => {
      const client = newClient();

      const probes = await times(8, () => call(`${gateway.url}/ready`, { headers: client }));

      expect(probes.every((r) => r.status === 200)).to.equal(true);
    });
  });

  describe('with the login limits turned off (0)', () => {
    let gateway: RunningGateway;

    before(async () => {
      gateway = await startGateway({ AUTH_SERVICE_URL: auth.url, RATE_LIMIT_LOGIN_PER_IP: '0', RATE_LIMIT_LOGIN_PER_USERNAME: '0', TRUST_PROXY: 'loopback' });
    });

    after(() => gateway.stop());

    it('lets every login through, as a load test from one machine needs', async () => {
      const client = newClient();
      const username = newUsername();

      const answers = await times(15, () => login(gateway.url, username, client));

      expect(answers.every((r) => r.status === 200)).to.equal(true);
    });
  });

  describe('the per-user limit on authenticated routes', () => {
    let gateway: RunningGateway;

    before(async () => {
      gateway = await startGateway({ PAYMENT_SERVICE_URL: payment.url, AUTH_JWKS_URL: issuer.jwksUrl, RATE_LIMIT_PER_USER: '3', TRUST_PROXY: 'loopback' });
    });

    after(() => gateway.stop());

    it('answers 429 once one user passes the budget, from whichever clients, and leaves other users alone', async () => {
      const alice = issuer.sign({ username: 'alice' });
      const bob = issuer.sign({ username: 'bob' });
      const list = (token: string) => call(`${gateway.url}/payment/transactions/list`, { headers: bearer(token, newClient()) });
      await times(3, () => list(alice));

      const refused = await list(alice);
      const other = await list(bob);

      expect(refused.status).to.equal(429);
      expect(refused.body).to.include({ code: 'RATE_LIMITED' });
      expect(refused.headers.get('retry-after')).to.be.a('string');
      expect(other.status).to.equal(200);
    });
  });
});
