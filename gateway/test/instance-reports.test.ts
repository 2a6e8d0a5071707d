import { expect } from 'chai';
import { get } from 'node:http';
import { scrapeMetrics } from '@paymesh/shared/metrics-scrape';
import { instancesOf, useTwoInstances } from './support/balanced-gateway.js';
import { call, waitFor } from './support/http.js';

describe('an upstream with several instances, as metrics and streams see it', () => {
  const t = useTwoInstances();

  it('reports breaker state and latency per instance in /metrics', async () => {
    const gateway = await t.start({ BALANCE_POLICY: 'round_robin' });
    for (let i = 0; i < 4; i++) await call(`${gateway.url}/analytics/stats`);

    const scrape = await scrapeMetrics(gateway.url);

    for (const upstream of [t.first, t.second]) {
      const instance = new URL(upstream.url).host;
      expect(scrape.value('gateway_circuit_state', { upstream: 'analytics', instance, state: 'closed' })).to.equal(1);
      expect(scrape.count('gateway_upstream_duration_seconds', { upstream: 'analytics', instance })).to.equal(2);
    }
  });

  it('opens a live stats stream on a ready instance when another is down', async () => {
    t.second.handle((_req, res) => res.writeHead(200, { 'content-type': 'text/event-stream' }).end('event: stats\ndata: {"n":7}\n\n'));
    const gateway = await t.start();
    await t.first.stop();
    await waitFor('the probe to take the dead instance out', async () => (await instancesOf(gateway))[0]?.in_rotation === false, 5000, 50);

    const body = await new Promise<string>((resolve, reject) => {
      get(`${gateway.url}/analytics/stats/stream`, (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk)).on('close', () => resolve(text));
      }).on('error', reject);
    });

    expect(body).to.include('data: {"n":7}');
    expect(t.second.seen.map((seen) => seen.url)).to.include('/stats/stream?interval_ms=250');
  });
});
