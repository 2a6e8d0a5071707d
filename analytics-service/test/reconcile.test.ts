import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import pg from 'pg';
import type { RunningService } from '@paymesh/shared/http';
import { compareTotals } from '../src/reconcile/reconcile.compare.js';
import type { StatsBody } from '../src/stats/stats.view.js';
import { startAnalytics, statsWhen } from './support/analytics.js';
import { buildCreated, buildPaid } from './support/events.js';
import { closePublisher, deleteCreatedTopics, publish, uniqueTopics } from './support/kafka.js';

const stats = (overrides: Partial<StatsBody> = {}): StatsBody => ({
  total_transactions: 2, total_amount: 0.3, total_paid_transactions: 1, total_paid_amount: 0.1, events_processed: 3,
  events_rejected: 0, events_duplicate: 0, last_event_time: null, unique_users: 1, consumer_lag: 0, caught_up: true,
  consumer_status: 'running', log_truncated: false, ...overrides,
});
const ledger = { transactions: 2, cents: 30, paid: 1, paidCents: 10, users: 1 };

describe('reconciliation', () => {
  describe('comparing totals', () => {
    it('finds no difference when every figure matches to the cent', () => {
      expect(compareTotals(stats(), ledger)).to.deep.equal([]);
    });

    it('names each differing figure, amounts as two-decimal strings', () => {
      const differences = compareTotals(stats({ total_amount: 0.31, unique_users: 2 }), ledger);

      expect(differences).to.deep.equal([
        { field: 'total_amount', analytics: '0.31', payment_db: '0.30' },
        { field: 'unique_users', analytics: 2, payment_db: 1 },
      ]);
    });
  });

  describe('npm run reconcile', () => {
    const schema = `reconcile_${randomBytes(5).toString('hex')}`;
    let scopedUrl: string;
    let pool: pg.Pool;
    let service: RunningService;
    let topics: { topic: string; dlq: string };

    // A private copy of the columns reconcile reads, in its own schema: the real table is shared by other tests.
    before(async () => {
      const baseUrl = process.env.PAYMENT_DATABASE_URL!;
      scopedUrl = `${baseUrl}${baseUrl.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
      pool = new pg.Pool({ connectionString: baseUrl, max: 1 });
      await pool.query(`create schema ${schema}`);
      await pool.query(`create table ${schema}.transactions (id uuid primary key, user_id text not null, amount_cents bigint not null, is_paid boolean not null)`);
      topics = await uniqueTopics();
      service = await startAnalytics(topics.topic, topics.dlq);
      const user = randomUUID();
      const rows = [{ id: randomUUID(), cents: 1050, paid: true }, { id: randomUUID(), cents: 20, paid: false }];
      for (const row of rows) await pool.query(`insert into ${schema}.transactions values ($1, $2, $3, $4)`, [row.id, user, row.cents, row.paid]);
      await publish(topics.topic, [
        ...rows.map((row) => buildCreated({ user_id: user, transaction_id: row.id, amount: row.cents / 100 })),
        buildPaid({ user_id: user, transactions_paid: 1, transaction_ids: [rows[0]!.id], amount_paid: 10.5 }),
      ]);
      await statsWhen(service.url, 'the three events', (s) => s.events_processed === 3);
    });

    after(async () => {
      await service?.stop();
      await pool?.query(`drop schema if exists ${schema} cascade`);
      await pool?.end();
      await closePublisher();
      await deleteCreatedTopics();
    });

    /** The command as an operator runs it; asynchronous, since the analytics it calls lives in this process. */
    const runReconcile = () =>
      new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve, reject) => {
        const child = spawn(fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url)), ['src/reconcile/main.ts'], {
          cwd: fileURLToPath(new URL('..', import.meta.url)),
          env: { ...process.env, ANALYTICS_SERVICE_URL: service.url, PAYMENT_DATABASE_URL: scopedUrl, RECONCILE_SETTLE_MS: '500' },
        });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        child.once('error', reject);
        child.once('close', (status) => resolve({ status, stdout, stderr }));
      });

    it('when analytics and the payment database agree, reports ok and exits 0', async () => {
      const run = await runReconcile();

      expect(run.status, run.stderr).to.equal(0);
      expect(JSON.parse(run.stdout)).to.include({ ok: true }).and.to.have.property('differences').that.is.empty;
    });

    it('after analytics restarts from its snapshot and folds a tail, still reports ok and exits 0', async () => {
      await service.stop();
      const row = { id: randomUUID(), user: randomUUID(), cents: 333 };
      await pool.query(`insert into ${schema}.transactions values ($1, $2, $3, false)`, [row.id, row.user, row.cents]);
      await publish(topics.topic, [buildCreated({ user_id: row.user, transaction_id: row.id, amount: row.cents / 100, user_seq: 1 })]);
      service = await startAnalytics(topics.topic, topics.dlq);
      await statsWhen(service.url, 'the tail event', (s) => s.events_processed === 4);

      const run = await runReconcile();

      expect(run.status, run.stderr).to.equal(0);
      expect(JSON.parse(run.stdout)).to.include({ ok: true });
    });

    it('when the database holds a transaction analytics never saw, reports it and exits non-zero', async () => {
      await pool.query(`insert into ${schema}.transactions values ($1, $2, 99, false)`, [randomUUID(), randomUUID()]);

      const run = await runReconcile();

      expect(run.status).to.equal(1);
      expect((JSON.parse(run.stdout) as { differences: unknown }).differences).to.deep.equal([
        { field: 'total_transactions', analytics: 3, payment_db: 4 },
        { field: 'total_amount', analytics: '14.03', payment_db: '15.02' },
        { field: 'unique_users', analytics: 2, payment_db: 3 },
      ]);
    });
  });
});
