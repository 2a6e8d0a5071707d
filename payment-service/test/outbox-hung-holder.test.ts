import { expect } from 'chai';
import pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import { postgresConnection } from '@paymesh/shared/postgres';
import { loadPaymentConfig, type PaymentConfig } from '../src/config.js';
import * as schema from '../src/db/schema.js';
import { tryLockRelay } from '../src/outbox/outbox.repository.js';
import { paymentApi } from './support/api.js';
import { newUser } from './support/auth.js';
import { buildTransaction } from './support/factories.js';
import { startPaymentService, type TestPaymentService } from './support/payment-service.js';
import { readTopic, type TopicReader } from './support/topic-reader.js';
import { waitFor } from '@paymesh/infra/testing';

// Short limits so a hung holder is ended in about a second and a half; the order the config
// demands still holds (Kafka send < idle-in-transaction < transaction timeout < lease).
const LIMITS = {
  OUTBOX_PUBLISH_TIMEOUT_MS: '1000',
  PG_IDLE_IN_TRANSACTION_TIMEOUT_MS: '1500',
  PG_TRANSACTION_TIMEOUT_MS: '3000',
  OUTBOX_POLL_INTERVAL_MS: '200',
};

interface HungRelay {
  /** Resolves when its session has ended, with the server's SQLSTATE for why. */
  ended: Promise<string | undefined>;
  pid: number;
  stop(): Promise<void>;
}

/**
 * Another relay instance, over a connection with the service's own settings, that takes the
 * relay lock of `topic` in a transaction and then hangs, as a process stopped mid-publish or
 * cut off by a half-open socket would: it never sends PostgreSQL another byte. Undefined when
 * the live relay held the lock at that moment (it takes it for each batch it publishes).
 */
async function tryHungRelay(config: PaymentConfig, topic: string): Promise<HungRelay | undefined> {
  const client = new pg.Client(postgresConnection(config.PAYMENT_DATABASE_URL, config));
  await client.connect();
  const pid = (await client.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!.pid;
  let locked!: (taken: boolean) => void;
  const hasLock = new Promise<boolean>((resolve) => (locked = resolve));
  const ended = new Promise<string | undefined>((resolve) => {
    client.on('error', (err: Error & { code?: string }) => resolve(err.code));
    client.on('end', () => resolve(undefined));
  });
  void drizzle(client, { schema })
    .transaction(async (tx) => {
      const taken = await tryLockRelay(tx, topic);
      locked(taken);
      if (taken) await ended;
    })
    .catch(() => locked(false));
  if (!(await hasLock)) {
    await client.end().catch(() => undefined);
    return undefined;
  }
  return { ended, pid, stop: () => client.end().catch(() => undefined) };
}

async function hungRelay(config: PaymentConfig, topic: string): Promise<HungRelay> {
  let relay: HungRelay | undefined;
  await waitFor('the relay lock to be free for the hung instance', async () => (relay = await tryHungRelay(config, topic)) !== undefined, 10_000);
  return relay!;
}

describe('outbox relay lock held by a hung instance', () => {
  let service: TestPaymentService;
  let config: PaymentConfig;
  let reader: TopicReader;

  before(async () => {
    service = await startPaymentService(LIMITS);
    config = loadPaymentConfig({ ...process.env, ...LIMITS });
    reader = await readTopic(service.topic);
  });
  after(async () => {
    await reader.stop();
    await service.stop();
  });

  const eventsOf = (userId: string) => reader.records.filter((r) => r.event.user_id === userId);

  it('when the holder goes silent inside its transaction, PostgreSQL ends it and the other instance publishes within the idle timeout plus a poll', async () => {
    const hung = await hungRelay(config, service.topic);
    const lockedAt = Date.now();
    const user = await newUser();

    const created = await paymentApi(service.url, user.token).createTransaction(buildTransaction());
    await waitFor('the event to be published by the live instance', () => eventsOf(user.id).length === 1, 10_000);
    const takeoverMs = Date.now() - lockedAt;
    const why = await hung.ended;
    await hung.stop();

    console.log(`      hung holder -> event published by the other instance: ${takeoverMs} ms (idle timeout ${LIMITS.PG_IDLE_IN_TRANSACTION_TIMEOUT_MS} ms, poll ${LIMITS.OUTBOX_POLL_INTERVAL_MS} ms)`);
    expect(created.status).to.equal(201);
    expect(why).to.equal('25P03'); // idle_in_transaction_session_timeout
    expect(takeoverMs).to.be.at.least(Number(LIMITS.PG_IDLE_IN_TRANSACTION_TIMEOUT_MS) - 100);
    expect(takeoverMs).to.be.below(Number(LIMITS.PG_IDLE_IN_TRANSACTION_TIMEOUT_MS) + Number(LIMITS.OUTBOX_POLL_INTERVAL_MS) + 2000);
  });

  it('when the holder\'s backend is terminated, the other instance publishes at its next look', async () => {
    const hung = await hungRelay(config, service.topic);
    const user = await newUser();
    await paymentApi(service.url, user.token).createTransaction(buildTransaction());
    const admin = new pg.Client({ connectionString: process.env.PAYMENT_DATABASE_URL });
    await admin.connect();

    const killedAt = Date.now();
    await admin.query('select pg_terminate_backend($1)', [hung.pid]);
    await waitFor('the event after the holder was terminated', () => eventsOf(user.id).length === 1, 10_000);
    const afterKillMs = Date.now() - killedAt;
    await Promise.all([admin.end(), hung.stop()]);

    console.log(`      terminated holder -> event published: ${afterKillMs} ms`);
    expect(afterKillMs).to.be.below(Number(LIMITS.OUTBOX_POLL_INTERVAL_MS) + 2000);
  });
});
