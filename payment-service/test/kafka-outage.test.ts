import { expect } from 'chai';
import type pg from 'pg';
import type { TransactionCreated } from '@paymesh/shared/events';
import { paymentApi, type PaymentApi } from './support/api.js';
import { newUser } from './support/auth.js';
import { connectPaymentDb } from './support/database.js';
import { buildTransaction } from './support/factories.js';
import { startKafkaProxy, type KafkaProxy } from './support/kafka-proxy.js';
import { createTestTopic, startPaymentService, type TestPaymentService } from './support/payment-service.js';
import { readTopic, type TopicReader } from './support/topic-reader.js';
import { waitFor } from '@paymesh/infra/testing';

async function createInSequence(api: PaymentApi, count: number) {
  const responses = [];
  for (let i = 0; i < count; i++) responses.push(await api.createTransaction(buildTransaction({ amount: 2 })));
  return responses;
}

describe('when Kafka is unreachable', () => {
  let proxy: KafkaProxy;
  let service: TestPaymentService;
  let reader: TopicReader;
  let db: pg.Client;

  before(async () => {
    const [host, port] = process.env.KAFKA_BROKERS!.split(',')[0]!.split(':');
    proxy = await startKafkaProxy({ host: host!, port: Number(port) });
    const topic = await createTestTopic();
    service = await startPaymentService({ TRANSACTIONS_TOPIC: topic, KAFKA_BROKERS: `127.0.0.1:${proxy.port}` });
    reader = await readTopic(topic);
    db = await connectPaymentDb();
  });
  after(async () => {
    await proxy.restore(); // lets the service flush and stop cleanly even if the test failed mid-outage
    await reader.stop();
    await service.stop();
    await proxy.close();
    await db.end();
  });

  it('the API keeps answering 201, and once Kafka is back every event arrives, none lost', async function () {
    this.timeout(90_000);
    const user = await newUser();
    const api = paymentApi(service.url, user.token);
    const before = await api.createTransaction(buildTransaction({ amount: 1 }));
    await reader.waitForCount(1);

    await proxy.cut();
    const cutAt = Date.now();
    // More than one relay batch (200), from 10 concurrent lanes, so recovery drains several batches.
    const during = (await Promise.all(Array.from({ length: 10 }, () => createInSequence(api, 25)))).flat();
    const paid = await api.payAll();
    const ready = await api.get('/ready');
    const unsentWhileDown = await db.query('select id from outbox where topic = $1 and sent_at is null', [service.topic]);
    await proxy.restore();
    const restoredAt = Date.now();

    expect(during.map((r) => r.status)).to.deep.equal(Array(250).fill(201));
    expect(paid.body.transactions_paid).to.equal(251);
    expect(ready.status, '/ready reports the broker down').to.equal(503);
    expect(unsentWhileDown.rowCount, 'events kept in the outbox while Kafka was down').to.be.greaterThan(0);
    const expected = new Set([before.body.id, ...during.map((r) => r.body.id)]);
    const created = () => reader.records.filter((r) => r.event.event_type === 'transaction.created').map((r) => r.event as TransactionCreated);
    await waitFor('every event to arrive after Kafka came back', () => {
      const seen = new Set(created().map((e) => e.transaction_id));
      return reader.records.some((r) => r.event.event_type === 'transaction.paid') && [...expected].every((id) => seen.has(id));
    }, 60_000);

    const sentDuringOutage = reader.records.filter((r) => r.event.event_id !== reader.records[0]!.event.event_id && r.receivedAt < restoredAt);
    expect(sentDuringOutage, 'nothing reached the topic while the proxy was cut').to.deep.equal([]);
    const times = created().map((e) => Date.parse(e.timestamp));
    expect(times.every((t, i) => i === 0 || t >= times[i - 1]!), 'the user\'s events arrive in commit order').to.equal(true);
    expect(reader.records.at(-1)!.event.event_type, 'the payment comes after every creation it paid').to.equal('transaction.paid');
    const ids = reader.records.map((r) => r.event.event_id);
    const redelivered = ids.length - new Set(ids).size;
    console.log(`      outage of ${restoredAt - cutAt} ms: ${ids.length} records for ${new Set(ids).size} events (${redelivered} redelivered)`);
    await waitFor('the outbox to be drained', async () => {
      const unsent = await db.query('select 1 from outbox where topic = $1 and sent_at is null', [service.topic]);
      return unsent.rowCount === 0;
    });
  });
});
