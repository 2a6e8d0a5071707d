/**
 * `npm run reconcile -w @paymesh/analytics-service`: proves the fold right against the payment
 * database. Prints a JSON report; exits 0 when they agree, 1 on a difference, 2 when it could not check.
 */
import pg from 'pg';
import { postgresConnection } from '@paymesh/shared/postgres';
import { loadReconcileConfig } from '../config.js';
import { reconcile } from './reconcile.js';

const config = loadReconcileConfig();
const pool = new pg.Pool({ ...postgresConnection(config.PAYMENT_DATABASE_URL, config), max: 1 });
try {
  const report = await reconcile({ analyticsUrl: config.ANALYTICS_SERVICE_URL, pool, settleMs: config.RECONCILE_SETTLE_MS });
  console.log(JSON.stringify(report, null, 2));
  process.exitCode = report.ok ? 0 : 1;
} catch (err) {
  console.error(`reconcile could not run: ${(err as Error).message}`);
  process.exitCode = 2;
} finally {
  await pool.end();
}
