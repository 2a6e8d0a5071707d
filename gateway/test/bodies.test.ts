import { expect } from 'chai';
import type { RunningService } from '@paymesh/shared/http';
import { startFakeUpstream, type FakeUpstream } from './support/fake-upstream.js';
import { startGateway } from './support/gateway.js';
import { bearer, call, json } from './support/http.js';
import { startTestIssuer, type TestIssuer } from './support/test-issuer.js';

interface Echo {
  url: string;
  body: string;
}

const LIMIT = 1024;

/** A request body sent in chunks with no declared length, as a streaming client sends it. */
function chunked(text: string): RequestInit {
  const bytes = new TextEncoder().encode(text);
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let i = 0; i < bytes.length; i += 256) controller.enqueue(bytes.slice(i, i + 256));
      controller.close();
    },
  });
  return { method: 'POST', headers: { 'content-type': 'application/json' }, body: stream, duplex: 'half' };
}

describe('request bodies at the edge', () => {
  let auth: FakeUpstream;
  let payment: FakeUpstream;
  let issuer: TestIssuer;
  let gateway: RunningService;
  let token: string;

  before(async () => {
    [auth, payment, issuer] = await Promise.all([startFakeUpstream(), startFakeUpstream(), startTestIssuer()]);
    gateway = await startGateway({
      AUTH_SERVICE_URL: auth.url,
      PAYMENT_SERVICE_URL: payment.url,
      AUTH_JWKS_URL: issuer.jwksUrl,
      BODY_LIMIT_BYTES: String(LIMIT),
    });
    token = issuer.sign();
  });

  after(async () => {
    await gateway.stop();
    await Promise.all([auth.stop(), payment.stop(), issuer.stop()]);
  });

  it('forwards a login body it parsed (to read the username) to auth as the same JSON, with a matching length', async () => {
    const credentials = { username: 'Body_Check', password: 'p@ss "quoted" ünïcode' };

    const res = await call<Echo>(`${gateway.url}/auth/login`, json(credentials));

    expect(res.status).to.equal(200);
    expect(JSON.parse(res.body.body)).to.deep.equal(credentials);
    expect(auth.seen.at(-1)?.headers['content-length']).to.equal(String(Buffer.byteLength(res.body.body)));
  });

  it('streams an unparsed JSON body through to the service intact', async () => {
    const transaction = { amount: 12.5, description: 'streamed' };

    const res = await call<Echo>(`${gateway.url}/payment/transactions`, json(transaction, bearer(token)));

    expect(JSON.parse(res.body.body)).to.deep.equal(transaction);
  });

  it('forwards a chunked body under the limit intact', async () => {
    const transaction = { amount: 1, description: 'x'.repeat(600) };

    const res = await call<Echo>(`${gateway.url}/payment/transactions`, { ...chunked(JSON.stringify(transaction)), headers: { 'content-type': 'application/json', ...bearer(token) } });

    expect(res.status).to.equal(200);
    expect(JSON.parse(res.body.body)).to.deep.equal(transaction);
  });

  it('refuses a body declared larger than the limit with 413, before the service sees it', async () => {
    const before = payment.seen.length;

    const res = await call(`${gateway.url}/payment/transactions`, json({ description: 'x'.repeat(LIMIT) }, bearer(token)));

    expect(res.status).to.equal(413);
    expect(res.body).to.include({ code: 'PAYLOAD_TOO_LARGE', request_id: res.headers.get('x-request-id') });
    expect(payment.seen.length).to.equal(before);
  });

  it('refuses a chunked body that grows past the limit with 413', async () => {
    const before = payment.seen.length;

    const res = await call(`${gateway.url}/payment/transactions`, {
      ...chunked(JSON.stringify({ description: 'x'.repeat(LIMIT * 2) })),
      headers: { 'content-type': 'application/json', ...bearer(token) },
    });

    expect(res.status).to.equal(413);
    expect(res.body).to.include({ code: 'PAYLOAD_TOO_LARGE' });
    expect(payment.seen.length).to.equal(before);
  });

  it('refuses a body that is not JSON with 415, on parsed and streamed routes alike', async () => {
    const before = auth.seen.length + payment.seen.length;
    const form = { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'username=a&password=b' };

    const login = await call(`${gateway.url}/auth/login`, form);
    const create = await call(`${gateway.url}/payment/transactions`, { ...form, headers: { ...form.headers, ...bearer(token) } });

    expect(login.status).to.equal(415);
    expect(create.status).to.equal(415);
    expect(login.body).to.include({ code: 'UNSUPPORTED_MEDIA_TYPE', request_id: login.headers.get('x-request-id') });
    expect(auth.seen.length + payment.seen.length).to.equal(before);
  });

  it('accepts a JSON media type with parameters or a +json suffix', async () => {
    const res = await call<Echo>(`${gateway.url}/auth/register`, {
      ...json({ username: 'suffix_user', password: 'long-enough' }),
      headers: { 'content-type': 'application/vnd.paymesh+json; charset=utf-8' },
    });

    expect(res.status).to.equal(200);
  });

  it('answers malformed JSON on a parsed route with 400 INVALID_JSON', async () => {
    const res = await call(`${gateway.url}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"username":' });

    expect(res.status).to.equal(400);
    expect(res.body).to.include({ code: 'INVALID_JSON' });
  });
});
