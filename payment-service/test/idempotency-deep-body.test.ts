import { expect } from 'chai';
import type pg from 'pg';
import { paymentApi, type PaymentApi } from './support/api.js';
import { newUser } from './support/auth.js';
import { connectPaymentDb } from './support/database.js';
import { uniqueKey } from './support/factories.js';
import { startPaymentService, type TestPaymentService } from './support/payment-service.js';

/** JSON text nested `depth` levels deep, as arrays or objects, kept under the 64 kB body limit. */
const nested = (depth: number, shape: 'array' | 'object') =>
  shape === 'array' ? `${'['.repeat(depth)}1${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

describe('Idempotency-Key with deeply nested bodies', () => {
  let service: TestPaymentService;
  let db: pg.Client;
  let user: Awaited<ReturnType<typeof newUser>>;
  let api: PaymentApi;

  before(async () => {
    service = await startPaymentService();
    db = await connectPaymentDb();
  });
  after(async () => {
    await service.stop();
    await db.end();
  });
  beforeEach(async () => {
    user = await newUser();
    api = paymentApi(service.url, user.token);
  });

  const rowsOfUser = async () => Number((await db.query<{ n: string }>('select count(*) as n from transactions where user_id = $1', [user.id])).rows[0]!.n);

  for (const [what, extra] of [
    ['30,000 nested arrays', nested(30_000, 'array')],
    ['10,000 nested objects', nested(10_000, 'object')],
    ['arrays and objects interleaved 8,000 deep', `${'[{"a":'.repeat(8_000)}null${'}]'.repeat(8_000)}`],
  ] as const) {
    it(`when an ignored field holds ${what}, creates once and replays the same answer`, async () => {
      const key = uniqueKey();
      const body = `{"amount":2.5,"description":"deep","ignored":${extra}}`;

      const first = await api.createRaw(body, { 'idempotency-key': key });
      const again = await api.createRaw(body, { 'idempotency-key': key });

      expect(first.status).to.equal(201);
      expect(again.status).to.equal(201);
      expect(again.headers.get('idempotent-replayed')).to.equal('true');
      expect(again.body.id).to.equal(first.body.id);
      expect(await rowsOfUser()).to.equal(1);
    });
  }

  it('when the same key comes back with a different deep field, answers 422 IDEMPOTENCY_KEY_REUSED and creates nothing more', async () => {
    const key = uniqueKey();
    await api.createRaw(`{"amount":1,"description":"deep","x":${nested(20_000, 'array')}}`, { 'idempotency-key': key });

    const res = await api.createRaw(`{"amount":1,"description":"deep","x":${nested(20_001, 'array')}}`, { 'idempotency-key': key });

    expect(res.status).to.equal(422);
    expect(res.body.code).to.equal('IDEMPOTENCY_KEY_REUSED');
    expect(await rowsOfUser()).to.equal(1);
  });

  it('when pay-all with a key carries a deep body, pays and answers 200', async () => {
    const res = await fetch(`${service.url}/transactions/pay`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${user.token}`, 'idempotency-key': uniqueKey() },
      body: `{"note":${nested(10_000, 'object')}}`,
    });

    expect(res.status).to.equal(200);
    expect(((await res.json()) as { transactions_paid: number }).transactions_paid).to.equal(0);
  });
});
