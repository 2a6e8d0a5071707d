import { expect } from 'chai';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { createHttpApp, startHttpServer } from '@paymesh/shared/http';
import { createLogger, type Logger } from '@paymesh/shared/logger';
import { mapDatabaseErrors, openPool } from '@paymesh/shared/postgres';
import { loadPaymentConfig } from '../src/config.js';
import { waitFor } from '@paymesh/infra/testing';

/** A logger that keeps the messages of its warnings, so a test can wait for one. */
function recordingLogger(): { logger: Logger; warnings: string[] } {
  const warnings: string[] = [];
  const logger = { warn: (_fields: unknown, message: string) => void warnings.push(message) } as unknown as Logger;
  return { logger, warnings };
}

/** A port nothing listens on: taken, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('a lost database connection', () => {
  const config = loadPaymentConfig();

  it('when a connection in use is cut, logs it and the pool keeps serving instead of crashing the process', async () => {
    // Arrange: a transaction open on a checked-out client, with no query in flight, as the
    // outbox relay is while it waits on Kafka.
    const { logger, warnings } = recordingLogger();
    const { pool } = openPool({ url: config.PAYMENT_DATABASE_URL, limits: config, max: 2, logger });
    const holder = await pool.connect();
    await holder.query('begin');
    const pid = (await holder.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!.pid;

    // Act: the server ends that session from the outside.
    await pool.query('select pg_terminate_backend($1)', [pid]);

    // Assert: the loss was heard (an unheard 'error' would have failed this test as an uncaught
    // exception), and a new connection answers.
    await waitFor('the cut connection to be reported', () => warnings.includes('a database connection in use failed'));
    holder.release(true);
    const { rows } = await pool.query<{ one: number }>('select 1 as one');
    expect(rows[0]!.one).to.equal(1);
    await pool.end();
  });

  it('when the database cannot be reached, a route answers 503 DATABASE_UNAVAILABLE with Retry-After, not 500', async () => {
    // Arrange: a pool aimed at a port where nothing listens, behind the services' error mapping.
    const unreachable = `postgres://payment:payment@127.0.0.1:${await closedPort()}/payment`;
    const logger = createLogger('test', process.env.TEST_LOG_LEVEL ?? 'silent');
    const { pool } = openPool({ url: unreachable, limits: config, max: 1, logger, connectionTimeoutMillis: 500 });
    const app = createHttpApp({ service: 'connection-loss-test', logger }, (app) => {
      app.get('/rows', async (_req, res) => res.json((await (pool).query('select 1')).rows));
      app.use(mapDatabaseErrors(logger));
    });
    const server = await startHttpServer(app, 0, '127.0.0.1');

    // Act
    const answers = await Promise.all([1, 2, 3].map(() => fetch(`${server.url}/rows`)));

    // Assert
    for (const res of answers) {
      const body = (await res.json()) as { code: string; request_id: string };
      expect(res.status).to.equal(503);
      expect(body.code).to.equal('DATABASE_UNAVAILABLE');
      expect(body.request_id).to.be.a('string');
      expect(res.headers.get('retry-after')).to.equal('1');
    }
    await server.close();
    await pool.end();
  });
});
