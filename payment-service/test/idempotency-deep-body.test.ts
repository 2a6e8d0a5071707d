import { expect } from 'chai';
import { usePaymentService } from './support/payment-fixture.js';
import { MAX_JSON_DEPTH } from '@paymesh/shared/http';
import { uniqueKey } from './support/factories.js';

/** JSON text nested `depth` levels deep, as arrays or objects, kept under the 64 kB body limit. */
const nested = (depth: number, shape: 'array' | 'object') =>
  shape === 'array' ? `${'['.repeat(depth)}1${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

describe('Idempotency-Key with deeply nested bodies', () => {
  // Every service refuses bodies nested past MAX_JSON_DEPTH before parsing them; the fingerprint
  // is also iterative on its own (unit-tested with 30,000 levels), so neither limit relies on the other.
  const t = usePaymentService();

  // The outer object is one level; `extra` nested `MAX_JSON_DEPTH - 1` deep is the deepest body accepted.
  const deepest = MAX_JSON_DEPTH - 1;

  for (const [what, extra] of [
    [`${deepest} nested arrays`, nested(deepest, 'array')],
    [`${deepest} nested objects`, nested(deepest, 'object')],
  ] as const) {
    it(`when an ignored field holds ${what} (the deepest accepted), creates once and replays the same answer`, async () => {
      const key = uniqueKey();
      const body = `{"amount":2.5,"description":"deep","ignored":${extra}}`;

      const first = await t.api.createRaw(body, { 'idempotency-key': key });
      const again = await t.api.createRaw(body, { 'idempotency-key': key });

      expect(first.status).to.equal(201);
      expect(again.status).to.equal(201);
      expect(again.headers.get('idempotent-replayed')).to.equal('true');
      expect(again.body.id).to.equal(first.body.id);
      expect(await t.rowsOfUser()).to.equal(1);
    });
  }

  for (const [what, extra] of [
    ['one level more than accepted', nested(deepest + 1, 'array')],
    ['30,000 nested arrays', nested(30_000, 'array')],
    ['arrays and objects interleaved 8,000 deep', `${'[{"a":'.repeat(8_000)}null${'}]'.repeat(8_000)}`],
  ] as const) {
    it(`when an ignored field holds ${what}, answers 400 JSON_TOO_DEEP and creates nothing`, async () => {
      const res = await t.api.createRaw(`{"amount":2.5,"description":"deep","ignored":${extra}}`, { 'idempotency-key': uniqueKey() });

      expect(res.status).to.equal(400);
      expect(res.body.code).to.equal('JSON_TOO_DEEP');
      expect(await t.rowsOfUser()).to.equal(0);
    });
  }

  it('when the same key comes back with a different deep field, answers 422 IDEMPOTENCY_KEY_REUSED and creates nothing more', async () => {
    const key = uniqueKey();
    await t.api.createRaw(`{"amount":1,"description":"deep","x":${nested(deepest, 'array')}}`, { 'idempotency-key': key });

    const res = await t.api.createRaw(`{"amount":1,"description":"deep","x":${nested(deepest, 'object')}}`, { 'idempotency-key': key });

    expect(res.status).to.equal(422);
    expect(res.body.code).to.equal('IDEMPOTENCY_KEY_REUSED');
    expect(await t.rowsOfUser()).to.equal(1);
  });

  it('when pay-all with a key carries the deepest accepted body, pays and answers 200', async () => {
    const res = await fetch(`${t.service.url}/transactions/pay`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${t.user.token}`, 'idempotency-key': uniqueKey() },
      body: `{"note":${nested(deepest, 'object')}}`,
    });

    expect(res.status).to.equal(200);
    expect(((await res.json()) as { transactions_paid: number }).transactions_paid).to.equal(0);
  });
});
