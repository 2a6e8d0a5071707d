import { expect } from 'chai';
import { paymentApi } from './support/api.js';
import { newUser } from './support/auth.js';
import { buildTransaction, uniqueKey } from './support/factories.js';
import { usePaymentService } from './support/payment-fixture.js';
import { waitFor } from '@paymesh/infra/testing';

describe('Idempotency-Key', () => {
  const t = usePaymentService();

  it('the same key and body again returns the original 201 and body, and creates nothing new', async () => {
    const key = uniqueKey();
    const body = buildTransaction({ amount: 42.5 });

    const original = await t.api.createTransaction(body, key);
    const replay = await t.api.createTransaction({ description: body.description, amount: body.amount }, key);

    expect(original.status).to.equal(201);
    expect(replay.status).to.equal(201);
    expect(replay.body).to.deep.equal(original.body);
    expect(replay.headers.get('idempotent-replayed')).to.equal('true');
    expect(original.headers.get('idempotent-replayed')).to.equal(null);
    expect((await t.api.listTransactions()).body).to.have.length(1);
  });

  it('the same key with a different body returns 422 IDEMPOTENCY_KEY_REUSED and creates nothing', async () => {
    const key = uniqueKey();
    await t.api.createTransaction(buildTransaction({ amount: 10 }), key);

    const reused = await t.api.createTransaction(buildTransaction({ amount: 11 }), key);

    expect(reused.status).to.equal(422);
    expect(reused.body.code).to.equal('IDEMPOTENCY_KEY_REUSED');
    expect((await t.api.listTransactions()).body).to.have.length(1);
  });

  it('the same key while the first request is still running returns 409, then the original once it finished', async () => {
    await t.api.createTransaction(buildTransaction());
    const key = uniqueKey();
    const body = buildTransaction({ amount: 5 });
    // Hold the user's lock so the first request stays in flight for as long as we need.
    await t.db.query('begin');
    await t.db.query('select 1 from user_totals where user_id = $1 for update', [t.user.id]);
    const first = t.api.createTransaction(body, key);
    await waitFor('the first request to claim the key', async () => {
      const claimed = await t.db.query('select 1 from idempotency_keys where user_id = $1 and key = $2', [t.user.id, key]);
      return claimed.rowCount === 1;
    }).catch(async (err: unknown) => {
      await t.db.query('rollback');
      throw err;
    });

    const duplicate = await t.api.createTransaction(body, key);
    await t.db.query('rollback');
    const original = await first;
    const later = await t.api.createTransaction(body, key);

    expect(duplicate.status).to.equal(409);
    expect(duplicate.body.code).to.equal('IDEMPOTENCY_KEY_IN_FLIGHT');
    expect(duplicate.headers.get('retry-after')).to.equal('1');
    expect(original.status).to.equal(201);
    expect(later.status).to.equal(201);
    expect(later.body).to.deep.equal(original.body);
    expect((await t.api.listTransactions()).body).to.have.length(2);
  });

  it('20 concurrent requests with one key create exactly one transaction; the rest replay it or get 409', async () => {
    const key = uniqueKey();
    const body = buildTransaction({ amount: 7.25 });

    const responses = await Promise.all(Array.from({ length: 20 }, () => t.api.createTransaction(body, key)));

    const created = responses.filter((r) => r.status === 201);
    expect(responses.filter((r) => r.status !== 201 && r.status !== 409)).to.deep.equal([]);
    expect(created.filter((r) => r.headers.get('idempotent-replayed') !== 'true')).to.have.length(1);
    expect(new Set(created.map((r) => r.body.id)).size).to.equal(1);
    expect((await t.api.listTransactions()).body).to.have.length(1);
  });

  it('keys are scoped to the user: another user may use the same key', async () => {
    const key = uniqueKey();
    const other = paymentApi(t.service.url, (await newUser()).token);

    const mine = await t.api.createTransaction(buildTransaction(), key);
    const theirs = await other.createTransaction(buildTransaction(), key);

    expect(mine.status).to.equal(201);
    expect(theirs.status).to.equal(201);
    expect(theirs.body.id).to.not.equal(mine.body.id);
  });

  it('a refusal is part of the answer: a cap refusal with a key is replayed as the same 422', async () => {
    await t.api.createTransaction(buildTransaction({ amount: 1000 }));
    const key = uniqueKey();
    const body = buildTransaction({ amount: 1 });

    const refused = await t.api.createTransaction(body, key);
    const replay = await t.api.createTransaction(body, key);

    expect(refused.status).to.equal(422);
    expect(replay.status).to.equal(422);
    expect(replay.body).to.deep.equal(refused.body);
  });

  it('POST /transactions/pay with a key pays once; a replay does not pay what was created since', async () => {
    const key = uniqueKey();
    await t.api.createTransaction(buildTransaction({ amount: 3 }));

    const paid = await t.api.payAll(key);
    await t.api.createTransaction(buildTransaction({ amount: 4 }));
    const replay = await t.api.payAll(key);

    expect(paid.body).to.include({ transactions_paid: 1, amount_paid: 3 });
    expect(replay.status).to.equal(200);
    expect(replay.body).to.deep.equal(paid.body);
    const unpaid = (await t.api.listTransactions()).body.filter((t) => !t.is_paid);
    expect(unpaid.map((t) => t.amount)).to.deep.equal([4]);
  });

  it('a key is still honoured 23 hours later', async () => {
    const key = uniqueKey();
    const body = buildTransaction();
    const original = await t.api.createTransaction(body, key);
    await t.db.query(`update idempotency_keys set created_at = now() - interval '23 hours' where user_id = $1 and key = $2`, [t.user.id, key]);

    const replay = await t.api.createTransaction(body, key);

    expect(replay.body).to.deep.equal(original.body);
    expect((await t.api.listTransactions()).body).to.have.length(1);
  });

  it('after its 24 hours a key is forgotten: the same key then starts a new request', async () => {
    const key = uniqueKey();
    const first = await t.api.createTransaction(buildTransaction({ amount: 1 }), key);
    await t.db.query(`update idempotency_keys set created_at = now() - interval '25 hours' where user_id = $1 and key = $2`, [t.user.id, key]);

    const second = await t.api.createTransaction(buildTransaction({ amount: 2 }), key);

    expect(second.status).to.equal(201);
    expect(second.body.id).to.not.equal(first.body.id);
    expect((await t.api.listTransactions()).body).to.have.length(2);
  });

  it('a malformed key (empty, or over 255 characters) is a 400 INVALID_IDEMPOTENCY_KEY', async () => {
    const tooLong = await t.api.createTransaction(buildTransaction(), 'k'.repeat(256));
    const longest = await t.api.createTransaction(buildTransaction(), 'k'.repeat(255));
    const empty = await t.api.createTransaction(buildTransaction(), '');

    expect(tooLong.status).to.equal(400);
    expect(tooLong.body.code).to.equal('INVALID_IDEMPOTENCY_KEY');
    expect(empty.status).to.equal(400);
    expect(empty.body.code).to.equal('INVALID_IDEMPOTENCY_KEY');
    expect(longest.status).to.equal(201);
    expect((await t.api.listTransactions()).body).to.have.length(1);
  });
});
