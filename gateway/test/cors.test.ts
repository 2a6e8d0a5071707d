import { expect } from 'chai';
import type { RunningService } from '@paymesh/shared/http';
import { startFakeUpstream, type FakeUpstream } from './support/fake-upstream.js';
import { startGateway } from './support/gateway.js';

const APP = 'http://localhost:3000';
const OTHER_APP = 'https://pay.example';

function preflight(url: string, origin: string) {
  return fetch(url, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type,idempotency-key' },
  });
}

describe('CORS at the edge', () => {
  let payment: FakeUpstream;
  let gateway: RunningService;

  before(async () => {
    payment = await startFakeUpstream();
    gateway = await startGateway({ PAYMENT_SERVICE_URL: payment.url, CORS_ORIGINS: `${APP}, ${OTHER_APP}` });
  });

  after(async () => {
    await gateway.stop();
    await payment.stop();
  });

  it('answers a preflight from a listed origin, allowing the bearer header, without calling the service', async () => {
    const before = payment.seen.length;

    const res = await preflight(`${gateway.url}/payment/transactions`, OTHER_APP);

    expect(res.status).to.equal(204);
    expect(res.headers.get('access-control-allow-origin')).to.equal(OTHER_APP);
    expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).to.include('authorization').and.include('idempotency-key');
    expect(res.headers.get('access-control-allow-credentials')).to.equal(null);
    expect(payment.seen.length).to.equal(before);
  });

  it('gives a listed origin the request id and Retry-After to read on real responses', async () => {
    const res = await fetch(`${gateway.url}/nothing`, { headers: { origin: APP } });
    await res.body?.cancel();

    expect(res.headers.get('access-control-allow-origin')).to.equal(APP);
    expect(res.headers.get('access-control-expose-headers')).to.include('X-Request-Id').and.include('Retry-After');
    expect(res.headers.get('vary')).to.include('Origin');
  });

  it('grants nothing to an origin that is not listed', async () => {
    const pre = await preflight(`${gateway.url}/payment/transactions`, 'https://evil.example');
    const res = await fetch(`${gateway.url}/nothing`, { headers: { origin: 'https://evil.example' } });
    await res.body?.cancel();

    expect(pre.headers.get('access-control-allow-origin')).to.equal(null);
    expect(res.headers.get('access-control-allow-origin')).to.equal(null);
  });
});
