import { randomUUID } from 'node:crypto';
import { get, type IncomingMessage } from 'node:http';
import path from 'node:path';
import { expect } from 'chai';
import { createLogger } from '@paymesh/shared/logger';
import { ensureTopics } from '@paymesh/shared/kafka';
import { freePort, registerUser, sharedAuthService, type RunningAuthService } from '@paymesh/infra/testing';
import { dataDir } from '@paymesh/infra/stack';
import { spawnService, type ServiceProcess } from '@paymesh/infra/processes';
import type { RunningService } from '@paymesh/shared/http';
import { startFakeUpstream, type FakeUpstream } from './support/fake-upstream.js';
import { startGateway } from './support/gateway.js';
import { bearer, call } from './support/http.js';

/** The real analytics-service as a child process, reading a topic of its own. */
async function spawnAnalytics(jwksUrl: string): Promise<ServiceProcess> {
  const brokers = (process.env.KAFKA_BROKERS ?? 'localhost:9092').split(',');
  const topic = `gateway-test-${randomUUID()}`;
  const logger = createLogger('gateway-test', 'silent');
  await ensureTopics({ brokers, clientId: 'gateway-test', logger }, [
    { name: topic, partitions: 1 },
    { name: `${topic}.dlq`, partitions: 1 },
  ]);
  const port = await freePort();
  return spawnService({
    name: 'analytics-service',
    port,
    env: {
      KAFKA_BROKERS: brokers.join(','),
      TRANSACTIONS_TOPIC: topic,
      DLQ_TOPIC: `${topic}.dlq`,
      AUTH_JWKS_URL: jwksUrl,
      ANALYTICS_GROUP_PREFIX: 'gateway-test',
      STREAM_INTERVAL_MS: '100',
      STREAM_MIN_INTERVAL_MS: '100',
    },
    logFile: path.join(dataDir, 'logs', `test-gateway-analytics-${port}.log`),
  });
}

describe('through the gateway to the real services', () => {
  const routeTimeoutMs = 300;
  let auth: RunningAuthService;
  let analytics: ServiceProcess;
  let payment: FakeUpstream;
  let gateway: RunningService;

  before(async function () {
    this.timeout(90_000);
    auth = await sharedAuthService();
    // One at a time, so whatever did start is assigned and stopped by after() even when the next fails.
    payment = await startFakeUpstream();
    analytics = await spawnAnalytics(auth.jwksUrl);
    gateway = await startGateway({
      AUTH_SERVICE_URL: auth.url,
      PAYMENT_SERVICE_URL: payment.url,
      ANALYTICS_SERVICE_URL: analytics.url,
      ANALYTICS_TIMEOUT_MS: String(routeTimeoutMs),
    });
  });

  after(async () => {
    await gateway?.stop();
    await Promise.all([analytics?.stop(), payment?.stop()]);
  });

  it('reports every upstream up in /health', async () => {
    const res = await call<{ services: Record<string, { status: string }> }>(`${gateway.url}/health`);

    expect(res.status).to.equal(200);
    expect(Object.values(res.body.services).map((s) => s.status)).to.deep.equal(['up', 'up', 'up']);
  });

  it('answers /stats from analytics', async () => {
    const res = await call(`${gateway.url}/stats`);

    expect(res.status).to.equal(200);
    expect(res.body).to.include.keys('total_transactions', 'total_amount', 'events_processed');
  });

  it("lets analytics verify the same token again for /analytics/stats/me (defence in depth)", async () => {
    const user = await registerUser(auth.url);

    const mine = await call(`${gateway.url}/analytics/stats/me`, { headers: bearer(user.token) });

    expect(mine.status).to.equal(200);
  });

  it('streams the live stats over SSE, still open after the route timeout has passed', async () => {
    const res = await new Promise<IncomingMessage>((resolve, reject) => get(`${gateway.url}/analytics/stats/stream`, resolve).on('error', reject));
    res.setEncoding('utf8');
    let ended = false;
    res.once('close', () => (ended = true));
    const chunks = res[Symbol.asyncIterator]() as AsyncIterator<string>;

    const first = await chunks.next();
    // Outlast the route timeout on purpose: it must not cut a stream that has started.
    await new Promise((resolve) => setTimeout(resolve, routeTimeoutMs * 2));
    const stillOpen = !ended;
    res.destroy();

    expect(res.headers['content-type']).to.match(/^text\/event-stream/);
    expect(first.value).to.match(/^(event|data|id|retry|:)/m);
    expect(stillOpen).to.equal(true);
  });
});
