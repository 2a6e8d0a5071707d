import { expect } from 'chai';
import pg from 'pg';
import { transactionEventSchema } from '@paymesh/shared/events';
import { paymentApi } from './support/api.js';
import { newUser } from './support/auth.js';
import { connectPaymentDb } from './support/database.js';
import { buildTransaction } from './support/factories.js';
import { startPaymentService, type TestPaymentService } from './support/payment-service.js';
import { readTopic, type TopicReader } from './support/topic-reader.js';
import { waitFor } from '@paymesh/infra/testing';

describe('the per-user sequence on published events', () => {
  let service: TestPaymentService;
  let second: TestPaymentService;
  let reader: TopicReader;
  let db: pg.Client;

  before(async () => {
    service = await startPaymentService();
    second = await startPaymentService({ TRANSACTIONS_TOPIC: service.topic });
    reader = await readTopic(service.topic);
    db = await connectPaymentDb();
  });
  after(async () => {
    await reader.stop();
    await second.stop();
    await service.stop();
    await db.end();
  });

  it('when one user writes concurrently through two instances, the topic carries their events with user_seq strictly increasing', async () => {
    const user = await newUser();
    const apis = [paymentApi(service.url, user.token), paymentApi(second.url, user.token)];

    await Promise.all(Array.from({ length: 20 }, (_, i) => apis[i % 2]!.createTransaction(buildTransaction({ amount: 1 }))));
    await apis[0]!.payAll();
    await Promise.all(Array.from({ length: 6 }, (_, i) => apis[i % 2]!.createTransaction(buildTransaction({ amount: 2 }))));

    await waitFor('27 events of the user', () => reader.records.filter((r) => r.event.user_id === user.id).length >= 27);
    const events = reader.records.filter((r) => r.event.user_id === user.id).map((r) => transactionEventSchema.parse(r.event));
    const sequence = events.map((e) => e.user_seq!);
    expect(sequence.every((seq, i) => Number.isSafeInteger(seq) && (i === 0 || seq > sequence[i - 1]!)), `in topic order: ${sequence.join(',')}`).to.equal(true);
    expect(events[20]!.event_type, 'the pay follows the 20 creates it paid').to.equal('transaction.paid');
  });

  it('the number published is the one stored with the event in the outbox, so a re-sent copy carries the same one', async () => {
    const user = await newUser();

    await paymentApi(service.url, user.token).createTransaction(buildTransaction({ amount: 3 }));

    await waitFor('the event of the user', () => reader.records.some((r) => r.event.user_id === user.id));
    const published = reader.records.find((r) => r.event.user_id === user.id)!.event;
    const stored = await db.query<{ id: string; seq: string }>(`select id::text, payload->>'user_seq' as seq from outbox where key = $1`, [user.id]);
    expect(stored.rows).to.deep.equal([{ id: String(published.user_seq), seq: String(published.user_seq) }]);
  });

  it('when one pay-all emits several paid events, they carry increasing numbers in the order they were written', async function () {
    this.timeout(60_000);
    const user = await newUser();
    // 1,001 unpaid rows written directly: two paid events, without 1,001 requests.
    await db.query(`insert into transactions (user_id, amount_cents, description) select $1, 1, 'seed' from generate_series(1, 1001)`, [user.id]);

    await paymentApi(service.url, user.token).payAll();

    await waitFor('both paid events', () => reader.records.filter((r) => r.event.user_id === user.id).length >= 2);
    const events = reader.records.filter((r) => r.event.user_id === user.id).map((r) => r.event);
    expect(events.map((e) => e.event_type === 'transaction.paid' && e.transactions_paid)).to.deep.equal([1000, 1]);
    expect(events[1]!.user_seq).to.be.greaterThan(events[0]!.user_seq!);
  });
});
