import { expect } from 'chai';
import { createLogger } from '@paymesh/shared/logger';
import { loadPaymentConfig } from '../src/config.js';
import { openDatabase } from '../src/db/database.js';

describe('payment database sessions', () => {
  const settingsOf = async (env: Record<string, string>, url?: string) => {
    const config = loadPaymentConfig({ ...process.env, ...env });
    const database = openDatabase({ url: url ?? config.PAYMENT_DATABASE_URL, poolMax: 1, limits: config, logger: createLogger('test', 'silent') });
    try {
      const { rows } = await database.pool.query<{ name: string; setting: string }>(
        `select name, setting from pg_settings where name in ('statement_timeout', 'idle_in_transaction_session_timeout', 'transaction_timeout', 'tcp_keepalives_idle', 'search_path')`,
      );
      return Object.fromEntries(rows.map((r) => [r.name, r.setting]));
    } finally {
      await database.close();
    }
  };

  it('every pooled connection runs under the configured timeouts and keepalive', async () => {
    const settings = await settingsOf({
      PG_STATEMENT_TIMEOUT_MS: '4321',
      PG_IDLE_IN_TRANSACTION_TIMEOUT_MS: '12345',
      PG_TRANSACTION_TIMEOUT_MS: '23456',
      PG_KEEPALIVE_IDLE_MS: '7000',
    });

    expect(settings).to.include({
      statement_timeout: '4321',
      idle_in_transaction_session_timeout: '12345',
      transaction_timeout: '23456',
      tcp_keepalives_idle: '7',
    });
  });

  it('options already in the database URL are kept beside the limits', async () => {
    const url = `${process.env.PAYMENT_DATABASE_URL!}?options=${encodeURIComponent('-c search_path=pg_catalog,public')}`;

    const settings = await settingsOf({}, url);

    expect(settings).to.include({ search_path: 'pg_catalog,public', statement_timeout: '5000' });
  });
});
