import { expect } from 'chai';
import type pg from 'pg';
import { ConfigError } from '@paymesh/shared/config';
import { loadPaymentConfig } from '../src/config.js';
import { paymentApi } from './support/api.js';
import { newUser } from './support/auth.js';
import { connectPaymentDb } from './support/database.js';
import { buildTransaction, uniqueKey } from './support/factories.js';
import { startPaymentService, type TestPaymentService } from './support/payment-service.js';

describe('database timeouts on every payment connection', () => {
  let service: TestPaymentService;
  let holder: pg.Client;
  let db: pg.Client;

  before(async () => {
    service = await startPaymentService({ PG_STATEMENT_TIMEOUT_MS: '1000' });
    db = await connectPaymentDb();
  });
  after(async () => {
    await service.stop();
    await db.end();
  });
  beforeEach(async () => {
    holder = await connectPaymentDb();
  });
  afterEach(async () => {
    await holder.end();
  });

  const counts = async (userId: string) =>
    (await db.query<{ rows: string; paid: string }>('select count(*) as rows, count(*) filter (where is_paid) as paid from transactions where user_id = $1', [userId]))
      .rows[0]!;
  /** Another session holds the user's totals row, as a stuck transaction would. */
  const holdTotalsRow = async (userId: string) => {
    await holder.query('begin');
    await holder.query('insert into user_totals (user_id) values ($1) on conflict (user_id) do update set total_cents = user_totals.total_cents', [userId]);
  };

  it('when a keyed create waits on a lock past the statement timeout, answers 503 DATABASE_BUSY, creates nothing, and a retry with the key creates once', async () => {
    const user = await newUser();
    const api = paymentApi(service.url, user.token);
    const key = uniqueKey();
    await holdTotalsRow(user.id);

    const started = Date.now();
    const blocked = await api.createTransaction(buildTransaction({ amount: 4 }), key);
    const waited = Date.now() - started;
    const during = await counts(user.id);
    await holder.query('rollback');
    const retried = await api.createTransaction(buildTransaction({ amount: 4 }), key);

    expect(blocked.status).to.equal(503);
    expect(blocked.body).to.include({ code: 'DATABASE_BUSY' });
    expect(blocked.headers.get('retry-after')).to.equal('1');
    expect(waited).to.be.below(5000);
    expect(during.rows).to.equal('0');
    expect(retried.status).to.equal(201);
    expect((await counts(user.id)).rows).to.equal('1');
  });

  it('when a keyed pay-all waits on a lock past the statement timeout, answers 503, pays nothing, and a retry with the key pays once', async () => {
    const user = await newUser();
    const api = paymentApi(service.url, user.token);
    await api.createTransaction(buildTransaction({ amount: 3 }));
    const key = uniqueKey();
    await holdTotalsRow(user.id);

    const blocked = await api.payAll(key);
    const during = await counts(user.id);
    await holder.query('rollback');
    const retried = await api.payAll(key);

    expect(blocked.status).to.equal(503);
    expect(blocked.body.code).to.equal('DATABASE_BUSY');
    expect(during.paid).to.equal('0');
    expect(retried.status).to.equal(200);
    expect(retried.body.transactions_paid).to.equal(1);
  });

  describe('configuration', () => {
    const load = (env: Record<string, string>) => () => loadPaymentConfig({ ...process.env, ...env });

    it('refuses a transaction timeout not below the idempotency lease', () => {
      expect(load({ PG_TRANSACTION_TIMEOUT_MS: '60000', IDEMPOTENCY_LEASE_SECONDS: '60' })).to.throw(ConfigError, /PG_TRANSACTION_TIMEOUT_MS/);
      expect(load({ PG_TRANSACTION_TIMEOUT_MS: '20000', IDEMPOTENCY_LEASE_SECONDS: '10' })).to.throw(ConfigError, /IDEMPOTENCY_LEASE_SECONDS/);
    });

    it('refuses idle and transaction timeouts not above the relay\'s Kafka send timeout', () => {
      expect(load({ OUTBOX_PUBLISH_TIMEOUT_MS: '15000' })).to.throw(ConfigError, /PG_IDLE_IN_TRANSACTION_TIMEOUT_MS/);
      expect(load({ OUTBOX_PUBLISH_TIMEOUT_MS: '16000', PG_IDLE_IN_TRANSACTION_TIMEOUT_MS: '17000', PG_TRANSACTION_TIMEOUT_MS: '16000' })).to.throw(ConfigError, /PG_TRANSACTION_TIMEOUT_MS/);
      expect(load({ PG_IDLE_IN_TRANSACTION_TIMEOUT_MS: '10000' })).to.throw(ConfigError, /OUTBOX_PUBLISH_TIMEOUT_MS/);
    });

    for (const [name, value] of [
      ['PG_STATEMENT_TIMEOUT_MS', '0'],
      ['PG_STATEMENT_TIMEOUT_MS', 'soon'],
      ['PG_IDLE_IN_TRANSACTION_TIMEOUT_MS', '-1'],
      ['PG_TRANSACTION_TIMEOUT_MS', '1.5'],
      ['PG_KEEPALIVE_IDLE_MS', '999'],
    ] as const) {
      it(`refuses ${name}=${value}`, () => {
        expect(load({ [name]: value })).to.throw(ConfigError, new RegExp(name));
      });
    }
  });
});
