import { expect } from 'chai';
import type { RunningService } from '@paymesh/shared/http';
import { startFakeUpstream, type FakeUpstream } from './support/fake-upstream.js';
import { startGateway } from './support/gateway.js';
import { rawHttp, rawRequest } from './support/raw-http.js';

/** Requests Node's HTTP parser refuses before any route runs. */
describe('requests refused before routing, answered in JSON', () => {
  let analytics: FakeUpstream;
  let gateway: RunningService;

  before(async () => {
    analytics = await startFakeUpstream();
    gateway = await startGateway({ ANALYTICS_SERVICE_URL: analytics.url });
  });

  after(async () => {
    await gateway.stop();
    await analytics.stop();
  });

  const OVERSIZED: [what: string, headers: Record<string, string>][] = [
    ['one header of 17 kB', { 'X-Big': 'a'.repeat(17 * 1024) }],
    ['many small headers adding up to 20 kB', Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`X-H${i}`, 'b'.repeat(100)]))],
    ['an Authorization header of 32 kB', { Authorization: `Bearer ${'c'.repeat(32 * 1024)}` }],
  ];

  for (const [what, headers] of OVERSIZED) {
    it(`answers ${what} with 431 HEADERS_TOO_LARGE in JSON`, async () => {
      const res = await rawRequest(gateway.url, rawHttp('GET', '/stats', headers));

      expect(res.status).to.equal(431);
      expect(res.headers['content-type']).to.match(/^application\/json/);
      expect(res.body).to.include({ code: 'HEADERS_TOO_LARGE', request_id: res.headers['x-request-id'] });
      expect(res.body.error).to.be.a('string');
    });
  }

  it('answers a URL of 20 kB with 431 in JSON', async () => {
    const res = await rawRequest(gateway.url, rawHttp('GET', `/stats?q=${'d'.repeat(20 * 1024)}`));

    expect(res.status).to.equal(431);
    expect(res.body).to.include({ code: 'HEADERS_TOO_LARGE' });
  });

  const MALFORMED: [what: string, request: string][] = [
    ['a request line that is not HTTP', 'HELLO THERE\r\n\r\n'],
    ['a header without a colon', 'GET /stats HTTP/1.1\r\nHost: x\r\nNoColonHere\r\n\r\n'],
    ['a bad chunk size', 'POST /auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n'],
    ['both Content-Length and chunked', 'POST /auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n{}'],
    ['a NUL in a header value', 'GET /stats HTTP/1.1\r\nHost: x\r\nX-A: a\u0000b\r\n\r\n'],
  ];

  for (const [what, request] of MALFORMED) {
    it(`answers ${what} with 400 MALFORMED_REQUEST in JSON`, async () => {
      const res = await rawRequest(gateway.url, request);

      expect(res.status).to.equal(400);
      expect(res.body).to.include({ code: 'MALFORMED_REQUEST', request_id: res.headers['x-request-id'] });
    });
  }
});
