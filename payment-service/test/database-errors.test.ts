import { expect } from 'chai';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createHttpApp, startHttpServer } from '@paymesh/shared/http';
import { createLogger } from '@paymesh/shared/logger';
import { mapDatabaseErrors } from '@paymesh/shared/postgres';

/**
 * The safety net under validation, against the real database: whatever PostgreSQL still refuses
 * of a client's value becomes a 400 JSON, a timeout a 503, and only our own faults stay 500.
 * The route runs a query chosen by the test, with the value as a real bind parameter.
 */
describe('database errors as HTTP answers', () => {
  let pool: pg.Pool;
  let server: Awaited<ReturnType<typeof startHttpServer>>;
  // A table of this test's own (temporary tables would vanish with a replaced pool connection).
  const table = `database_errors_test_${randomBytes(4).toString('hex')}`;
  const QUERIES: Record<string, string> = {
    int: 'select $1::int',
    instant: 'select $1::timestamptz',
    text: 'select $1::text',
    unique: `insert into ${table} (value) values ($1)`,
    positive: `insert into ${table} (value, n) values (gen_random_uuid()::text, $1::int)`,
    array: 'select array_fill(0, array[$1::int])',
    slow: "select pg_sleep($1::float) /* longer than the 300 ms statement timeout */",
    missing: 'select * from no_such_table where id = $1',
  };

  before(async () => {
    pool = new pg.Pool({ connectionString: process.env.PAYMENT_DATABASE_URL, max: 1, options: '-c statement_timeout=300' });
    await pool.query(`create table ${table} (value text primary key, n int check (n > 0))`);
    const logger = createLogger('test', process.env.TEST_LOG_LEVEL ?? 'silent');
    const app = createHttpApp({ service: 'database-errors-test', logger }, (app) => {
      app.get('/query/:name', async (req, res) => {
        await pool.query(QUERIES[req.params.name]!, [req.query.value]);
        res.json({ ok: true });
      });
      app.use(mapDatabaseErrors(logger));
    });
    server = await startHttpServer(app, 0, '127.0.0.1');
  });
  after(async () => {
    await server.close();
    await pool.query(`drop table ${table}`);
    await pool.end();
  });

  const ask = async (name: string, value: string) => {
    const res = await fetch(`${server.url}/query/${name}?value=${encodeURIComponent(value)}`);
    return { status: res.status, body: (await res.json()) as { code: string; error: string; request_id: string }, retryAfter: res.headers.get('retry-after') };
  };

  for (const [what, name, value] of [
    ['text that is not a number (22P02)', 'int', 'ten'],
    ['a number out of integer range (22003)', 'int', '99999999999'],
    ['a date in year 0 (22008)', 'instant', '0000-01-01T00:00:00Z'],
    ['a six-digit year (22007/22008)', 'instant', '+010000-01-01T00:00:00Z'],
    ['a NUL byte in text (22021)', 'text', 'a\u0000b'],
    ['a duplicate of a unique value (23505)', 'unique', 'same'],
    ['a value its check refuses (23514)', 'positive', '-5'],
    ['an array over the size limit (54000)', 'array', '200000000'],
  ] as const) {
    it(`when the database refuses ${what}, answers 400 INVALID_INPUT as JSON`, async () => {
      if (name === 'unique') await ask(name, value);

      const res = await ask(name, value);

      expect(res.status).to.equal(400);
      expect(res.body.code).to.equal('INVALID_INPUT');
      expect(res.body.request_id).to.be.a('string');
    });
  }

  it('when a statement outlives the statement timeout (57014), answers 503 DATABASE_BUSY with Retry-After', async () => {
    const res = await ask('slow', '2');

    expect(res.status).to.equal(503);
    expect(res.body.code).to.equal('DATABASE_BUSY');
    expect(res.retryAfter).to.equal('1');
  });

  it('when the fault is ours (a missing table, 42P01), it stays a 500 INTERNAL', async () => {
    const res = await ask('missing', '1');

    expect(res.status).to.equal(500);
    expect(res.body.code).to.equal('INTERNAL');
  });
});
