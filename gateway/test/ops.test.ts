import type { ServerResponse } from 'node:http';
import { expect } from 'chai';
import type { RunningService } from '@paymesh/shared/http';
import { startFakeUpstream, type FakeUpstream } from './support/fake-upstream.js';
import { NOWHERE, startGateway } from './support/gateway.js';
import { call } from './support/http.js';

const answer = (body: unknown) => (_req: unknown, res: ServerResponse) =>
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));

describe('GET /ops, the public operations summary', () => {
  let auth: FakeUpstream;
  let payment: FakeUpstream;
  let analytics: FakeUpstream;

  before(async () => {
    [auth, payment, analytics] = await Promise.all([startFakeUpstream(), startFakeUpstream(), startFakeUpstream()]);
    payment.handle(answer({ topic: 'transactions', unsent: 4, oldest_unsent_age_s: 1.5 }));
    analytics.handle(answer({ total_transactions: 9, consumer_lag: 2, caught_up: true }));
  });
  after(async () => {
    await Promise.all([auth.stop(), payment.stop(), analytics.stop()]);
  });

  it('answers each service health and breaker, the outbox backlog and the consumer lag, and asks the upstreams once for many callers', async () => {
    const gateway = await startGateway({ AUTH_SERVICE_URL: auth.url, PAYMENT_SERVICE_URL: payment.url, ANALYTICS_SERVICE_URL: analytics.url });
    try {
      const first = await call(`${gateway.url}/ops`);
      const asked = payment.seen.length;
      const second = await call(`${gateway.url}/ops`);

      expect(first.status).to.equal(200);
      expect(first.body).to.deep.include({ status: 'ok' });
      const services = first.body.services as Record<string, Record<string, unknown>>;
      expect(services.auth).to.include({ status: 'up', circuit: 'closed' });
      expect(services.payment).to.deep.include({ status: 'up', circuit: 'closed', outbox: { unsent: 4, oldest_unsent_age_s: 1.5 } });
      expect(services.analytics).to.deep.include({ status: 'up', consumer: { lag: 2, caught_up: true } });
      expect(second.body).to.deep.equal(first.body);
      expect(payment.seen.length).to.equal(asked);
      expect(payment.seen.map((s) => s.url)).to.include('/ops/outbox');
    } finally {
      await gateway.stop();
    }
  });

  it('when a service is down, still answers 200 with status degraded and leaves out what it could not read', async () => {
    const gateway: RunningService = await startGateway({ AUTH_SERVICE_URL: auth.url, PAYMENT_SERVICE_URL: NOWHERE, ANALYTICS_SERVICE_URL: analytics.url });
    try {
      const res = await call(`${gateway.url}/ops`);

      const services = res.body.services as Record<string, Record<string, unknown>>;
      expect(res.status).to.equal(200);
      expect(res.body).to.include({ status: 'degraded' });
      expect(services.payment).to.include({ status: 'down' });
      expect(services.payment).to.not.have.property('outbox');
    } finally {
      await gateway.stop();
    }
  });
});
