import { expect } from 'chai';
import { scrapeMetrics } from '@paymesh/shared/metrics-scrape';
import { buildCredentials } from './support/factories.js';
import { startAuth } from './support/auth-test-service.js';
import { call } from './support/http.js';

describe('GET /metrics on auth-service', () => {
  let auth: Awaited<ReturnType<typeof startAuth>>;
  before(async () => {
    auth = await startAuth();
  });
  after(async () => {
    await auth.stop();
  });

  it('counts logins by outcome, times hashing by operation and shows the hash queue', async () => {
    const credentials = buildCredentials();
    await call(`${auth.url}/register`, { body: credentials });
    const before = await scrapeMetrics(auth.url);

    await call(`${auth.url}/login`, { body: credentials });
    await call(`${auth.url}/login`, { body: { ...credentials, password: `${credentials.password}-wrong` } });
    const after = await scrapeMetrics(auth.url);

    const logins = (s: typeof after, outcome: string) => s.value('auth_logins_total', { outcome }) ?? 0;
    expect(logins(after, 'success') - logins(before, 'success')).to.equal(1);
    expect(logins(after, 'invalid_credentials') - logins(before, 'invalid_credentials')).to.equal(1);
    expect(after.count('auth_hash_duration_seconds', { op: 'verify' }) - before.count('auth_hash_duration_seconds', { op: 'verify' })).to.equal(2);
    expect(after.count('auth_hash_duration_seconds', { op: 'hash' })).to.be.at.least(1);
    expect(after.value('auth_hash_queue_depth')).to.equal(0);
  });

  it('times requests by route template and status class, with Node default metrics', async () => {
    await call(`${auth.url}/login`, { body: { username: 'x' } });

    const scrape = await scrapeMetrics(auth.url);

    expect(scrape.count('http_request_duration_seconds', { method: 'POST', route: '/login', status_class: '4xx' })).to.be.at.least(1);
    expect(scrape.value('nodejs_eventloop_lag_seconds')).to.be.a('number');
  });
});
