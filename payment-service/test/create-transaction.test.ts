import { expect } from 'chai';
import { paymentApi, type PaymentApi } from './support/api.js';
import { newUser } from './support/auth.js';
import { buildTransaction } from './support/factories.js';
import { startPaymentService, type TestPaymentService } from './support/payment-service.js';

describe('POST /transactions', () => {
  let service: TestPaymentService;
  let user: Awaited<ReturnType<typeof newUser>>;
  let api: PaymentApi;

  before(async () => {
    service = await startPaymentService();
  });
  after(() => service.stop());
  beforeEach(async () => {
    user = await newUser();
    api = paymentApi(service.url, user.token);
  });

  it('creates an unpaid transaction for the caller and answers 201 with the published transaction JSON', async () => {
    const res = await api.createTransaction(buildTransaction({ amount: 19.99, description: '  Coffee beans  ' }));

    expect(res.status).to.equal(201);
    expect(res.body).to.have.keys('id', 'user_id', 'amount', 'description', 'is_paid', 'created_at');
    expect(res.body).to.include({ user_id: user.id, amount: 19.99, description: 'Coffee beans', is_paid: false });
    expect(new Date(res.body.created_at).toISOString()).to.equal(res.body.created_at);
  });

  it('keeps amounts exact: 0.10 + 0.20 is 0.30, not 0.30000000000000004', async () => {
    await api.createTransaction(buildTransaction({ amount: 0.1 }));
    await api.createTransaction(buildTransaction({ amount: 0.2 }));

    const over = await paymentApi(service.url, user.token).createTransaction(buildTransaction({ amount: 1000 }));

    expect(over.status).to.equal(422);
    expect(over.body.current_total).to.equal(0.3);
  });

  it('takes the user from the token and ignores a user_id in the body', async () => {
    const other = await newUser();

    const res = await api.createTransaction({ ...buildTransaction(), user_id: other.id });

    expect(res.status).to.equal(201);
    expect(res.body.user_id).to.equal(user.id);
    const othersList = await paymentApi(service.url, other.token).listTransactions();
    expect(othersList.body).to.deep.equal([]);
  });

  it('without a valid bearer token, answers 401 and creates nothing', async () => {
    const anonymous = await paymentApi(service.url).createTransaction(buildTransaction());
    const forged = await paymentApi(service.url, `${user.token}x`).createTransaction(buildTransaction());

    expect(anonymous.status).to.equal(401);
    expect(forged.status).to.equal(401);
    expect((await api.listTransactions()).body).to.deep.equal([]);
  });

  describe('refuses bad input with 400 and a clear code, creating nothing', () => {
    const longText = 'x'.repeat(256);
    const cases: Array<[string, unknown, string]> = [
      ['amount 0', { amount: 0, description: 'a' }, 'INVALID_AMOUNT'],
      ['a negative amount', { amount: -5, description: 'a' }, 'INVALID_AMOUNT'],
      ['3 decimals', { amount: 1.005, description: 'a' }, 'INVALID_AMOUNT'],
      ['a tiny non-zero amount', { amount: 0.001, description: 'a' }, 'INVALID_AMOUNT'],
      ['an amount as a string', { amount: '10.00', description: 'a' }, 'INVALID_AMOUNT'],
      ['a null amount', { amount: null, description: 'a' }, 'INVALID_AMOUNT'],
      ['a missing amount', { description: 'a' }, 'INVALID_AMOUNT'],
      ['a boolean amount', { amount: true, description: 'a' }, 'INVALID_AMOUNT'],
      ['an absurdly large amount', { amount: 1e15, description: 'a' }, 'INVALID_AMOUNT'],
      ['a missing description', { amount: 1 }, 'INVALID_DESCRIPTION'],
      ['a blank description', { amount: 1, description: '   ' }, 'INVALID_DESCRIPTION'],
      ['a description that is not a string', { amount: 1, description: 42 }, 'INVALID_DESCRIPTION'],
      ['a description over 255 characters', { amount: 1, description: longText }, 'INVALID_DESCRIPTION'],
      ['a description with a NUL character', { amount: 1, description: 'a\u0000b' }, 'INVALID_DESCRIPTION'],
      ['a JSON array body', [{ amount: 1, description: 'a' }], 'INVALID_BODY'],
      ['a JSON string body (strict JSON wants an object or array)', 'hello', 'INVALID_JSON'],
    ];
    for (const [what, body, code] of cases) {
      it(`${what} → ${code}`, async () => {
        const res = await api.createTransaction(body);

        expect(res.status, JSON.stringify(res.body)).to.equal(400);
        expect(res.body).to.include({ code });
        expect(res.body.error).to.be.a('string').and.not.be.empty;
        expect((await api.listTransactions()).body).to.deep.equal([]);
      });
    }

    it('a non-finite amount (1e400 parses as Infinity) → INVALID_AMOUNT', async () => {
      const res = await api.createRaw('{"amount": 1e400, "description": "a"}');

      expect(res.status).to.equal(400);
      expect(res.body.code).to.equal('INVALID_AMOUNT');
    });

    it('a body that is not JSON at all (text/plain) → INVALID_BODY', async () => {
      const res = await api.createRaw('amount=1&description=a', { 'content-type': 'text/plain' });

      expect(res.status).to.equal(400);
      expect(res.body.code).to.equal('INVALID_BODY');
    });

    it('malformed JSON → INVALID_JSON', async () => {
      const res = await api.createRaw('{"amount": 1,');

      expect(res.status).to.equal(400);
      expect(res.body.code).to.equal('INVALID_JSON');
    });

    it('several bad fields are all named, the first one giving the code', async () => {
      const res = await api.createTransaction({ amount: -1, description: '' });

      expect(res.status).to.equal(400);
      expect(res.body.code).to.equal('INVALID_AMOUNT');
      expect(res.body.fields!.map((f) => f.field)).to.deep.equal(['amount', 'description']);
    });

    it('a description of exactly 255 characters is accepted', async () => {
      const res = await api.createTransaction({ amount: 1, description: 'é'.repeat(255) });

      expect(res.status).to.equal(201);
    });
  });
});
