import { expect } from 'chai';
import { paymentApi, type PaymentApi } from './support/api.js';
import { newUser } from './support/auth.js';
import { buildTransaction } from './support/factories.js';
import { startPaymentService, type TestPaymentService } from './support/payment-service.js';

/** Follows a Link: <…>; rel="next" header, or returns undefined when there is none. */
function nextPath(link: string | null): string | undefined {
  return link?.match(/<([^>]+)>;\s*rel="next"/)?.[1];
}

describe('GET /transactions/list and POST /transactions/pay', () => {
  let service: TestPaymentService;
  let api: PaymentApi;

  before(async () => {
    service = await startPaymentService();
  });
  after(() => service.stop());
  beforeEach(async () => {
    api = paymentApi(service.url, (await newUser()).token);
  });

  async function createMany(count: number) {
    const created = [];
    for (let i = 0; i < count; i++) created.push((await api.createTransaction(buildTransaction({ amount: i + 1 }))).body);
    return created;
  }

  it('lists the caller\'s transactions newest first, as a JSON array of the published transaction JSON', async () => {
    const created = await createMany(3);

    const res = await api.listTransactions();

    expect(res.status).to.equal(200);
    expect(res.body.map((t) => t.id)).to.deep.equal(created.map((t) => t.id).reverse());
    expect(res.headers.get('link')).to.equal(null);
  });

  it('pages with limit and a cursor, linking rel="next" until the last page', async () => {
    const created = await createMany(5);
    const seen: string[] = [];

    let path: string | undefined = '/transactions/list?limit=2';
    const pageSizes: number[] = [];
    while (path) {
      const page = await api.get(path);
      const items = page.body as unknown as Array<{ id: string }>;
      pageSizes.push(items.length);
      seen.push(...items.map((t) => t.id));
      path = nextPath(page.headers.get('link'));
    }

    expect(pageSizes).to.deep.equal([2, 2, 1]);
    expect(seen).to.deep.equal(created.map((t) => t.id).reverse());
  });

  it('the next link keeps the gateway prefix given in X-Forwarded-Prefix', async () => {
    await createMany(2);

    const res = await api.get('/transactions/list?limit=1', { 'x-forwarded-prefix': '/payment' });

    expect(nextPath(res.headers.get('link'))).to.match(/^\/payment\/transactions\/list\?limit=1&cursor=/);
  });

  for (const [what, query, code] of [
    ['limit 0', '?limit=0', 'INVALID_LIMIT'],
    ['limit 501', '?limit=501', 'INVALID_LIMIT'],
    ['a non-numeric limit', '?limit=ten', 'INVALID_LIMIT'],
    ['a fractional limit', '?limit=1.5', 'INVALID_LIMIT'],
    ['a forged cursor', '?cursor=bm90LWEtY3Vyc29y', 'INVALID_CURSOR'],
  ] as const) {
    it(`${what} is a 400 ${code}`, async () => {
      const res = await api.listTransactions(query);

      expect(res.status).to.equal(400);
      expect(res.body.code).to.equal(code);
    });
  }

  it('accepts the largest page, limit=500', async () => {
    expect((await api.listTransactions('?limit=500')).status).to.equal(200);
  });

  it('nobody sees another user\'s transactions, whatever user_id the query names', async () => {
    const owner = await newUser();
    await paymentApi(service.url, owner.token).createTransaction(buildTransaction());

    const res = await api.listTransactions(`?user_id=${owner.id}`);

    expect(res.status).to.equal(200);
    expect(res.body).to.deep.equal([]);
  });

  it('pay all pays only the caller\'s unpaid transactions and reports how many and how much', async () => {
    await api.createTransaction(buildTransaction({ amount: 10.1 }));
    await api.createTransaction(buildTransaction({ amount: 20.2 }));
    const other = paymentApi(service.url, (await newUser()).token);
    await other.createTransaction(buildTransaction({ amount: 5 }));

    const res = await api.payAll(undefined, { user_id: 'someone-else' });

    expect(res.status).to.equal(200);
    expect(res.body).to.include({ transactions_paid: 2, amount_paid: 30.3 });
    expect(res.body.message).to.be.a('string');
    expect((await api.listTransactions()).body.every((t) => t.is_paid)).to.equal(true);
    expect((await other.listTransactions()).body.map((t) => t.is_paid)).to.deep.equal([false]);
  });

  it('pay all with nothing unpaid pays nothing', async () => {
    const res = await api.payAll();

    expect(res.status).to.equal(200);
    expect(res.body).to.include({ transactions_paid: 0, amount_paid: 0 });
  });

  it('two concurrent pay-alls never pay or report a transaction twice', async () => {
    await createMany(4);

    const [a, b] = await Promise.all([api.payAll(), api.payAll()]);

    expect(a.body.transactions_paid + b.body.transactions_paid).to.equal(4);
    expect(a.body.amount_paid + b.body.amount_paid).to.equal(10);
  });
});
