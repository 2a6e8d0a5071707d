import { expect } from 'chai';
import { scrapeMetrics, type Scrape } from '@paymesh/shared/metrics-scrape';
import { paymentApi } from './support/api.js';
import { newUser } from './support/auth.js';
import { buildTransaction } from './support/factories.js';
import { startKafkaProxy, type KafkaProxy } from './support/kafka-proxy.js';
import { createTestTopic, startPaymentService, type TestPaymentService } from './support/payment-service.js';
import { waitFor } from '@paymesh/infra/testing';

const creates = (scrape: Scrape, outcome: string) => scrape.value('payment_creates_total', { outcome }) ?? 0;

describe('GET /metrics on payment-service', () => {
  let proxy: KafkaProxy;
  let service: TestPaymentService;

  before(async () => {
    const [host, port] = process.env.KAFKA_BROKERS!.split(',')[0]!.split(':');
    proxy = await startKafkaProxy({ host: host!, port: Number(port) });
    service = await startPaymentService({ TRANSACTIONS_TOPIC: await createTestTopic(), KAFKA_BROKERS: `127.0.0.1:${proxy.port}` });
  });
  after(async () => {
    await proxy.restore();
    await service.stop();
    await proxy.close();
  });

  it('counts creates by outcome: created, cap_refused and idempotent_replay, and times the user lock', async () => {
    const api = paymentApi(service.url, (await newUser()).token);
    const before = await scrapeMetrics(service.url);

    const body = buildTransaction({ amount: 600 });
    await api.createTransaction(body, 'metrics-key');
    await api.createTransaction(body, 'metrics-key');
    const refused = await api.createTransaction(buildTransaction({ amount: 500 }));
    const after = await scrapeMetrics(service.url);

    expect(refused.status).to.equal(422);
    expect(creates(after, 'created') - creates(before, 'created')).to.equal(1);
    expect(creates(after, 'idempotent_replay') - creates(before, 'idempotent_replay')).to.equal(1);
    expect(creates(after, 'cap_refused') - creates(before, 'cap_refused')).to.equal(1);
    expect(after.count('payment_user_lock_wait_seconds', { operation: 'create' }) - before.count('payment_user_lock_wait_seconds', { operation: 'create' })).to.equal(2);
    expect(after.count('http_request_duration_seconds', { method: 'POST', route: '/transactions', status_class: '2xx' })).to.be.at.least(2);
    expect(after.value('payment_db_pool_connections', { state: 'total' })).to.be.at.least(1);
  });

  it('when Kafka is cut, shows the outbox backlog and its age rising and relay failures; once back, the backlog drains to 0', async function () {
    this.timeout(60_000);
    const api = paymentApi(service.url, (await newUser()).token);
    await waitFor('an empty backlog', async () => (await scrapeMetrics(service.url)).value('payment_outbox_backlog') === 0);

    await proxy.cut();
    for (let i = 0; i < 3; i++) await api.createTransaction(buildTransaction({ amount: 1 }));
    // The relay gives up on an unanswered publish after its timeout, and counts a failure then.
    await waitFor('a failed relay pass', async () => ((await scrapeMetrics(service.url)).value('payment_relay_failures_total') ?? 0) > 0, 30_000, 200);
    const during = await scrapeMetrics(service.url);
    await proxy.restore();
    await waitFor('the backlog to drain', async () => (await scrapeMetrics(service.url)).value('payment_outbox_backlog') === 0, 45_000, 200);
    const after = await scrapeMetrics(service.url);

    expect(during.value('payment_outbox_backlog', { topic: service.topic })).to.equal(3);
    expect(during.value('payment_outbox_oldest_unsent_age_seconds')).to.be.greaterThan(1);
    expect(after.value('payment_outbox_oldest_unsent_age_seconds')).to.equal(0);
    expect(after.count('payment_relay_publish_duration_seconds')).to.be.at.least(1);
    expect(after.count('payment_relay_batch_size')).to.be.at.least(1);
  });
});
