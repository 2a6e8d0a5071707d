import type { BenchRow } from '../lib/row.js';
import { b1GatewayThroughput } from './b1-gateway-throughput.js';
import { b2GatewayLatency } from './b2-gateway-latency.js';
import { b3Payments } from './b3-payments.js';
import { b4CommitToStats } from './b4-commit-to-stats.js';
import { b5AnalyticsFold } from './b5-analytics-fold.js';
import { b6AnalyticsRestart } from './b6-analytics-restart.js';
import { b7Logins } from './b7-logins.js';
import { b8ListDuringLoginStorm } from './b8-list-during-login-storm.js';
import { b9AnalyticsRestartAtScale } from './b9-analytics-restart-at-scale.js';
import { b10PaymentInstances } from './b10-payment-instances.js';
import { b11DashboardAudience } from './b11-dashboard-audience.js';
import { b12TracingCost } from './b12-tracing-cost.js';

/** Every row, in the order of the results table in docs/benchmarks.md. */
export const ROWS: BenchRow[] = [
  b1GatewayThroughput,
  b2GatewayLatency,
  b3Payments,
  b4CommitToStats,
  b5AnalyticsFold,
  b6AnalyticsRestart,
  b7Logins,
  b8ListDuringLoginStorm,
  b9AnalyticsRestartAtScale,
  b10PaymentInstances,
  b11DashboardAudience,
  b12TracingCost,
];
