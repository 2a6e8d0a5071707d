import { expect } from 'chai';
import { paymentApi, type ApiResponse } from './support/api.js';
import { newUser } from './support/auth.js';
import { buildTransaction } from './support/factories.js';
import { startPaymentService, type TestPaymentService } from './support/payment-service.js';

/** Fires `count` creates of 100.00 at once, spread round-robin over the given service URLs. */
async function burstOfHundreds(urls: string[], token: string, count: number): Promise<{ responses: ApiResponse[]; ms: number }> {
  const started = performance.now();
  const responses = await Promise.all(
    Array.from({ length: count }, (_, i) => paymentApi(urls[i % urls.length]!, token).createTransaction(buildTransaction({ amount: 100 }))),
  );
  return { responses, ms: Math.round(performance.now() - started) };
}

function tally(responses: ApiResponse[]) {
  const statuses = responses.map((r) => r.status);
  return {
    accepted: statuses.filter((s) => s === 201).length,
    refused: statuses.filter((s) => s === 422).length,
    other: statuses.filter((s) => s !== 201 && s !== 422),
  };
}

describe('the per-user cap', () => {
  let first: TestPaymentService;
  let second: TestPaymentService;

  before(async () => {
    first = await startPaymentService();
    second = await startPaymentService({ TRANSACTIONS_TOPIC: first.topic });
  });
  after(async () => {
    await first.stop();
    await second.stop();
  });

  it('when the cap would be exceeded, returns 422 CAP_EXCEEDED with the totals and creates nothing', async () => {
    const user = await newUser();
    const api = paymentApi(first.url, user.token);
    await api.createTransaction(buildTransaction({ amount: 999.99 }));

    const res = await api.createTransaction(buildTransaction({ amount: 0.02 }));

    expect(res.status).to.equal(422);
    expect(res.body).to.include({ code: 'CAP_EXCEEDED', current_total: 999.99, max_allowed: 1000 });
    expect(res.body.error).to.be.a('string');
    expect((await api.listTransactions()).body).to.have.length(1);
    expect((await api.createTransaction(buildTransaction({ amount: 0.01 }))).status, 'exactly up to the cap is allowed').to.equal(201);
  });

  it('50 concurrent creates of 100.00 for one user: exactly 10 accepted, total exactly 1000.00', async () => {
    const user = await newUser();

    const { responses, ms } = await burstOfHundreds([first.url], user.token, 50);

    const { accepted, refused, other } = tally(responses);
    console.log(`      one instance: 50 concurrent creates in ${ms} ms, ${accepted} accepted, ${refused} refused`);
    expect(other).to.deep.equal([]);
    expect(accepted).to.equal(10);
    expect(refused).to.equal(40);
    const list = (await paymentApi(first.url, user.token).listTransactions()).body;
    expect(list).to.have.length(10);
    expect(list.reduce((cents, t) => cents + Math.round(t.amount * 100), 0)).to.equal(100_000);
  });

  it('the same across two service instances sharing the database', async () => {
    const user = await newUser();

    const { responses, ms } = await burstOfHundreds([first.url, second.url], user.token, 50);

    const { accepted, refused, other } = tally(responses);
    console.log(`      two instances: 50 concurrent creates in ${ms} ms, ${accepted} accepted, ${refused} refused`);
    expect(other).to.deep.equal([]);
    expect(accepted).to.equal(10);
    expect(refused).to.equal(40);
    const list = (await paymentApi(second.url, user.token).listTransactions()).body;
    expect(list.reduce((cents, t) => cents + Math.round(t.amount * 100), 0)).to.equal(100_000);
  });

  it('the cap is configurable (MAX_USER_TOTAL)', async () => {
    const small = await startPaymentService({ MAX_USER_TOTAL: '50.00' });
    try {
      const api = paymentApi(small.url, (await newUser()).token);

      const accepted = await api.createTransaction(buildTransaction({ amount: 50 }));
      const refused = await api.createTransaction(buildTransaction({ amount: 0.01 }));

      expect(accepted.status).to.equal(201);
      expect(refused.status).to.equal(422);
      expect(refused.body).to.include({ current_total: 50, max_allowed: 50 });
    } finally {
      await small.stop();
    }
  });

  it("a user's first transaction above the cap is refused with a total of 0 and creates nothing", async () => {
    const small = await startPaymentService({ MAX_USER_TOTAL: '50.00' });
    try {
      const api = paymentApi(small.url, (await newUser()).token);

      const refused = await api.createTransaction(buildTransaction({ amount: 50.01 }));

      expect(refused.status).to.equal(422);
      expect(refused.body).to.include({ code: 'CAP_EXCEEDED', current_total: 0, max_allowed: 50 });
      expect((await api.listTransactions()).body).to.have.length(0);
    } finally {
      await small.stop();
    }
  });
});
