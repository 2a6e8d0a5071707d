import { randomUUID } from 'node:crypto';
import { expect } from 'chai';
import type pg from 'pg';
import { createLogger } from '@paymesh/shared/logger';
import { AppError } from '@paymesh/shared/errors';
import { openDatabase, type Database } from '../src/db/database.js';
import { loadPaymentConfig } from '../src/config.js';
import { createIdempotency, type HttpOutcome } from '../src/idempotency/idempotency.service.js';
import { createTransactionsService } from '../src/transactions/transactions.service.js';
import { connectPaymentDb } from './support/database.js';
import { uniqueKey } from './support/factories.js';
import { waitFor } from '@paymesh/infra/testing';

/** A promise the test settles by hand: where the first attempt stops, as if its process hung. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

// The real idempotency and transactions code on the real database, with a one-second lease so a
// first attempt can be held "in flight" past it without waiting a minute.
describe('an idempotent create still running when its lease runs out', () => {
  const LEASE_SECONDS = 1;
  let database: Database;
  let db: pg.Client;

  before(async () => {
    const config = loadPaymentConfig({ ...process.env });
    database = openDatabase({ url: config.PAYMENT_DATABASE_URL, poolMax: 4, limits: config, logger: createLogger('test', 'silent') });
    db = await connectPaymentDb();
  });
  after(async () => {
    await database.close();
    await db.end();
  });

  const services = () => {
    const idempotency = createIdempotency({ db: database.db, ttlHours: 24, leaseSeconds: LEASE_SECONDS });
    const transactions = createTransactionsService({ db: database.db, idempotency, topic: `takeover-${randomUUID()}`, maxUserTotalCents: 100_000 });
    return { transactions, idempotency };
  };
  const rowsOf = async (userId: string) =>
    (await db.query<{ id: string }>('select id from transactions where user_id = $1', [userId])).rows.map((r) => r.id);
  const storedAnswer = async (userId: string, key: string) =>
    (await db.query<{ response_body: { id: string } | null }>('select response_body from idempotency_keys where user_id = $1 and key = $2', [userId, key]))
      .rows[0]?.response_body;
  const leaseExpired = (userId: string, key: string) =>
    waitFor('the first claim to outlive its lease', async () => {
      const { rows } = await db.query<{ expired: boolean }>(
        `select locked_at < now() - make_interval(secs => $3) as expired from idempotency_keys where user_id = $1 and key = $2`,
        [userId, key, LEASE_SECONDS],
      );
      return rows[0]?.expired === true;
    }, 5000);

  it('when the first attempt hangs after writing its transaction, the retry makes the only one and the first rolls back', async () => {
    const { transactions, idempotency } = services();
    const userId = randomUUID();
    const key = uniqueKey();
    const request = { userId, key, fingerprint: () => 'same body' };
    const hung = gate();
    const create = (description: string) => async (tx: Parameters<Parameters<typeof idempotency.run>[1]>[0]): Promise<HttpOutcome> => ({
      status: 201,
      body: await transactions.recordWithinCap(tx, userId, { amountCents: 500, description }),
    });

    const first = idempotency.run(request, async (tx) => {
      const outcome = await create('first')(tx);
      await hung.opened;
      return outcome;
    });
    const firstSettled = first.then(() => undefined, (err: unknown) => err);
    await leaseExpired(userId, key);
    // The retry takes the key over, then waits on the user's totals row the first still locks.
    const retry = idempotency.run(request, create('retry'));
    await waitFor('the retry to take the key over and wait on the first attempt\'s lock', async () => {
      const { rows } = await db.query<{ n: string }>(
        `select count(*) as n from idempotency_keys k where k.user_id = $1 and k.key = $2 and k.locked_at > now() - make_interval(secs => $3)
           and exists (select 1 from pg_locks l join pg_stat_activity a on a.pid = l.pid where not l.granted and a.query like '%user_totals%')`,
        [userId, key, LEASE_SECONDS],
      );
      return rows[0]!.n === '1';
    }, 5000);
    hung.open();
    const [firstError, retried] = await Promise.all([firstSettled, retry]);

    expect(firstError).to.be.instanceOf(AppError);
    expect((firstError as AppError).code).to.equal('IDEMPOTENCY_KEY_TAKEN_OVER');
    expect(retried.status).to.equal(201);
    const rows = await rowsOf(userId);
    expect(rows).to.deep.equal([(retried.body as { id: string }).id]);
    expect((await storedAnswer(userId, key))?.id).to.equal(rows[0]);
  });

  it('when the first attempt hangs before its work and resumes after the retry answered, it can neither create nor overwrite', async () => {
    const { transactions, idempotency } = services();
    const userId = randomUUID();
    const key = uniqueKey();
    const request = { userId, key, fingerprint: () => 'same body' };
    const hung = gate();

    const first = idempotency.run(request, async (tx) => {
      await hung.opened;
      return { status: 201, body: await transactions.recordWithinCap(tx, userId, { amountCents: 700, description: 'late first' }) };
    });
    const firstSettled = first.then(() => undefined, (err: unknown) => err);
    await leaseExpired(userId, key);
    const retried = await idempotency.run(request, async (tx) => ({
      status: 201,
      body: await transactions.recordWithinCap(tx, userId, { amountCents: 700, description: 'retry' }),
    }));
    hung.open();
    const firstError = await firstSettled;
    const replay = await idempotency.run(request, () => Promise.reject(new Error('a replay must not run the work')));

    expect((firstError as AppError).code).to.equal('IDEMPOTENCY_KEY_TAKEN_OVER');
    expect(await rowsOf(userId)).to.deep.equal([(retried.body as { id: string }).id]);
    expect(replay).to.deep.include({ status: 201, replayed: true });
    expect((replay.body as { id: string }).id).to.equal((retried.body as { id: string }).id);
  });

  it('when the first attempt fails on our side after a takeover, it cannot release the retry\'s claim', async () => {
    const { idempotency } = services();
    const userId = randomUUID();
    const key = uniqueKey();
    const request = { userId, key, fingerprint: () => 'same body' };
    const hung = gate();
    const retryRunning = gate();
    const retryMayFinish = gate();

    const first = idempotency.run(request, async () => {
      await hung.opened;
      throw new Error('the first attempt crashed');
    });
    const firstSettled = first.then(() => undefined, (err: unknown) => err);
    await leaseExpired(userId, key);
    const retry = idempotency.run(request, async () => {
      retryRunning.open();
      await retryMayFinish.opened;
      return { status: 201, body: { id: 'the retry' } };
    });
    await retryRunning.opened;
    hung.open();
    await firstSettled;
    // With the retry still running, its claim must still be there for a third request to see.
    const third = await idempotency.run(request, () => Promise.resolve({ status: 201, body: { id: 'a third' } })).catch((err: unknown) => err);
    retryMayFinish.open();
    const retried = await retry;

    expect((third as AppError).code).to.equal('IDEMPOTENCY_KEY_IN_FLIGHT');
    expect(retried.body).to.deep.equal({ id: 'the retry' });
    expect(await storedAnswer(userId, key)).to.deep.equal({ id: 'the retry' });
  });
});
