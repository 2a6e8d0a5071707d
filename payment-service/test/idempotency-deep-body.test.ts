import { expect } from 'chai';
import type pg from 'pg';
import { MAX_JSON_DEPTH } from '@paymesh/shared/http';
import { paymentApi, type PaymentApi } from './support/api.js';
import { newUser } from './support/auth.js';
import { connectPaymentDb } from './support/database.js';
import { uniqueKey } from './support/factories.js';
import { startPaymentService, type TestPaymentService } from './support/payment-service.js';

/** JSON text nested `depth` levels deep, as arrays or objects, kept under the 64 kB body limit. */
const nested = (depth: number, shape: 'array' | 'object') =>
  shape === 'array' ? `${'['.repeat(depth)}1${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

describe('Idempotency-Key with deeply nested bodies', () => {
  // Every service refuses bodies nested past MAX_JSON_DEPTH before parsing them; the fingerprint
  // is also iterative on its own (unit-tested with 30,000 levels), so neither limit relies on the other.
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

  // The outer object is one level; `extra` nested `MAX_JSON_DEPTH - 1` deep is the deepest body accepted.
  const deepest = MAX_JSON_DEPTH - 1;

  for (const [what, extra] of [
    [`${deepest} nested arrays`, nested(deepest, 'array')],
    [`${deepest} nested objects`, nested(deepest, 'object')],
  ] as const) {
    it(`when an ignored field holds ${what} (the deepest accepted), creates once and replays the same answer`, async () => {
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

  for (const [what, extra] of [
    ['one level more than accepted', nested(deepest + 1, 'array')],
    ['30,000 nested arrays', nested(30_000, 'array')],
    ['arrays and objects interleaved 8,000 deep', `${'[{"a":'.repeat(8_000)}null${'}]'.repeat(8_000)}`],
  ] as const) {
    it(`when an ignored field holds ${what}, answers 400 JSON_TOO_DEEP and creates nothing`, async () => {
      const res = await api.createRaw(`{"amount":2.5,"description":"deep","ignored":${extra}}`, { 'idempotency-key': uniqueKey() });

      expect(res.status).to.equal(400);
      expect(res.body.code).to.equal('JSON_TOO_DEEP');
      expect(await rowsOfUser()).to.equal(0);
    });
  }

  it('when the same key comes back with a different deep field, answers 422 IDEMPOTENCY_KEY_REUSED and creates nothing more', async () => {
    const key = uniqueKey();
    await api.createRaw(`{"amount":1,"description":"deep","x":${nested(deepest, 'array')}}`, { 'idempotency-key': key });

    const res = await api.createRaw(`{"amount":1,"description":"deep","x":${nested(deepest, 'object')}}`, { 'idempotency-key': key });

    expect(res.status).to.equal(422);
    expect(res.body.code).to.equal('IDEMPOTENCY_KEY_REUSED');
    expect(await rowsOfUser()).to.equal(1);
  });

  it('when pay-all with a key carries the deepest accepted body, pays and answers 200', async () => {
    const res = await fetch(`${service.url}/transactions/pay`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${user.token}`, 'idempotency-key': uniqueKey() },
      body: `{"note":${nested(deepest, 'object')}}`,
    });

    expect(res.status).to.equal(200);
    expect(((await res.json()) as { transactions_paid: number }).transactions_paid).to.equal(0);
  });
});
