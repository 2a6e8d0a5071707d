import { expect } from 'chai';
import type { RunningService } from '@paymesh/shared/http';
import { echo, startFakeUpstream, type FakeUpstream } from './support/fake-upstream.js';
import { startGateway } from './support/gateway.js';
import { bearer, call, json } from './support/http.js';
import { startTestIssuer, type TestIssuer } from './support/test-issuer.js';

let nextClient = 0;
/** A distinct client address per call site; the gateway trusts X-Forwarded-For from loopback in these tests. */
const newClient = () => ({ 'x-forwarded-for': `10.9.${Math.floor(++nextClient / 250)}.${nextClient % 250}` });
let nextName = 0;
const newUsername = () => `limited_${process.pid}_${++nextName}`;

const RIGHT_PASSWORD = 'the-right-password';
const login = (url: string, username: string, client: Record<string, string>, password = 'a-wrong-password') =>
  call(`${url}/auth/login`, json({ username, password }, client));
const register = (url: string, username: string, client: Record<string, string>) =>
  call(`${url}/auth/register`, json({ username, password: RIGHT_PASSWORD }, client));

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

  describe('with the default login and register limits', () => {
    let gateway: RunningService;

    before(async () => {
      // Like auth-service: only the right password logs in; registering always succeeds.
      auth.handle((req, res, body) => {
        const { password } = JSON.parse(body || '{}') as { password?: string };
        const status = req.url === '/register' ? 201 : password === RIGHT_PASSWORD ? 200 : 401;
        res.writeHead(status, { 'content-type': 'application/json' }).end('{}');
      });
      gateway = await startGateway({ AUTH_SERVICE_URL: auth.url, TRUST_PROXY: 'loopback' });
    });

    after(() => {
      auth.handle(echo);
      return gateway.stop();
    });

    it('answers the 11th failed login from one client within the minute with 429, Retry-After and our error body, and never forwards it', async () => {
      const client = newClient();
      const failed = await times(10, () => login(gateway.url, newUsername(), client));
      const before = auth.seen.length;

      const refused = await login(gateway.url, newUsername(), client);

      expect(failed.map((r) => r.status)).to.deep.equal(Array(10).fill(401));
      expect(refused.status).to.equal(429);
      expect(Number(refused.headers.get('retry-after'))).to.be.within(1, 60);
      expect(refused.body).to.include({ code: 'RATE_LIMITED', request_id: refused.headers.get('x-request-id') });
      expect(auth.seen.length).to.equal(before);
    });

    it('answers 429 after 5 failed logins for one username from one client, whatever its letter case', async () => {
      const client = newClient();
      const target = newUsername();
      await times(5, (i) => login(gateway.url, i % 2 ? target.toUpperCase() : target, client));

      const refused = await login(gateway.url, target, client, RIGHT_PASSWORD);
      const otherUser = await login(gateway.url, newUsername(), client);

      expect(refused.status).to.equal(429);
      expect(otherUser.status).to.equal(401);
    });

    it('does not count successful logins: 20 in a row from one client all succeed', async () => {
      const client = newClient();
      const username = newUsername();

      const answers = await times(20, () => login(gateway.url, username, client, RIGHT_PASSWORD));

      expect(answers.map((r) => r.status)).to.deep.equal(Array(20).fill(200));
    });

    it("does not let failed logins from one client lock the same user out from another client", async () => {
      const attacker = newClient();
      const victim = newUsername();
      await times(12, () => login(gateway.url, victim, attacker));

      const attackerAgain = await login(gateway.url, victim, attacker, RIGHT_PASSWORD);
      const fromVictim = await login(gateway.url, victim, newClient(), RIGHT_PASSWORD);

      expect(attackerAgain.status).to.equal(429);
      expect(fromVictim.status).to.equal(200);
    });

    it("does not let 12 registrations under a victim's name lock the victim out of logging in", async () => {
      const attacker = newClient();
      const victim = newUsername();
      const registrations = await times(12, () => register(gateway.url, victim, attacker));

      const fromVictim = await login(gateway.url, victim, newClient(), RIGHT_PASSWORD);
      const fromAttackerClient = await login(gateway.url, victim, attacker, RIGHT_PASSWORD);

      expect(registrations.slice(0, 10).every((r) => r.status === 201)).to.equal(true);
      expect(registrations.slice(10).map((r) => r.status)).to.deep.equal([429, 429]);
      expect(fromVictim.status).to.equal(200);
      expect(fromAttackerClient.status).to.equal(200);
    });

    it('gives registration a per-client budget of its own, which failed logins do not use up', async () => {
      const client = newClient();
      await times(10, () => login(gateway.url, newUsername(), client));

      const registered = await register(gateway.url, newUsername(), client);

      expect(registered.status).to.equal(201);
    });
  });

  describe('the general per-client limit', () => {
    let gateway: RunningService;

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
    let gateway: RunningService;

    before(async () => {
      gateway = await startGateway({
        AUTH_SERVICE_URL: auth.url,
        RATE_LIMIT_LOGIN_PER_IP: '0',
        RATE_LIMIT_LOGIN_PER_USERNAME: '0',
        RATE_LIMIT_REGISTER_PER_IP: '0',
        TRUST_PROXY: 'loopback',
      });
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
    let gateway: RunningService;

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
