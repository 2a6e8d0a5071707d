import { Writable } from 'node:stream';
import { expect } from 'chai';
import { pino } from 'pino';
import type { RunningService } from '@paymesh/shared/http';
import { startFakeUpstream, type FakeUpstream } from './support/fake-upstream.js';
import { startGateway } from './support/gateway.js';
import { call, waitFor } from './support/http.js';

interface Line {
  level: number;
  msg: string;
  request_id?: string;
  req?: { method: string; url: string };
  res?: { status: number };
  responseTime?: number;
}

describe('access log', () => {
  const lines: Line[] = [];
  let analytics: FakeUpstream;
  let gateway: RunningService;

  before(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(JSON.parse(chunk.toString()) as Line);
        done();
      },
    });
    analytics = await startFakeUpstream();
    gateway = await startGateway({ ANALYTICS_SERVICE_URL: analytics.url }, pino({ level: 'info' }, sink));
  });

  after(async () => {
    await gateway.stop();
    await analytics.stop();
  });

  const linesFor = (id: string | null) => lines.filter((line) => line.request_id === id && line.req);

  it('writes one line per request with its request id, method, url, status and duration', async () => {
    const ok = await call(`${gateway.url}/analytics/stats?x=1`);
    const missing = await call(`${gateway.url}/missing`);

    await waitFor('both access lines', () => Promise.resolve(linesFor(missing.headers.get('x-request-id')).length === 1), 2000, 10);
    const [okLine] = linesFor(ok.headers.get('x-request-id'));
    const [missingLine] = linesFor(missing.headers.get('x-request-id'));
    expect(linesFor(ok.headers.get('x-request-id'))).to.have.length(1);
    expect(okLine).to.deep.include({ req: { method: 'GET', url: '/analytics/stats?x=1' }, res: { status: 200 }, level: 30 });
    expect(okLine?.responseTime).to.be.a('number');
    expect(missingLine).to.deep.include({ res: { status: 404 }, level: 40 });
  });

  it('leaves the probes out', async () => {
    const probe = await call(`${gateway.url}/ready`);

    await call(`${gateway.url}/missing`);
    expect(linesFor(probe.headers.get('x-request-id'))).to.have.length(0);
  });
});
