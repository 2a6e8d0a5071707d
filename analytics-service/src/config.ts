import { z } from 'zod';
import { brokerList, host, loadConfig, logLevel, port, positiveInt, postgresUrl, url } from '@paymesh/shared/config';
import { transactionsTopic } from '@paymesh/shared/events';
import { postgresLimitsSchema } from '@paymesh/shared/postgres';

const serviceSchema = z.object({
  PORT: port(8083),
  HOST: host(),
  LOG_LEVEL: logLevel(),
  KAFKA_BROKERS: brokerList('localhost:9092'),
  TRANSACTIONS_TOPIC: z.string().min(1).default(transactionsTopic.name),
  DLQ_TOPIC: z.string().min(1).default(transactionsTopic.deadLetter),
  AUTH_JWKS_URL: url('http://localhost:8081/.well-known/jwks.json'),
  /** Every instance joins its own group `<prefix>-<uuid>`, so each one reads every partition. */
  ANALYTICS_GROUP_PREFIX: z.string().min(1).default('analytics'),
  /** How many recent event ids per partition are remembered to drop redelivered copies. */
  DEDUPE_WINDOW: positiveInt(20_000),
  /** With lag above zero and no progress for this long, the consumer counts as wedged. */
  STALL_TIMEOUT_MS: positiveInt(30_000),
  /** How often the end offsets are re-read, for lag while idle and for wedge detection. */
  LAG_REFRESH_MS: positiveInt(5_000),
  /**
   * Fetch sizes: kafkajs decodes a whole fetch before the fold sees it, so these bound the
   * messages in flight; past ~256 KB per partition a replay gets no faster, only bigger.
   */
  FETCH_PARTITION_BYTES: positiveInt(256 * 1024),
  FETCH_MAX_BYTES: positiveInt(1024 * 1024),
  /** The SSE stream sends at most one update per this interval, unless the client asks for another. */
  STREAM_INTERVAL_MS: positiveInt(250),
  /** The shortest interval a client may ask for; shorter requests are raised to it. */
  STREAM_MIN_INTERVAL_MS: positiveInt(250),
  /** Open streams one client (by ip, as the gateway reports it) may hold at once. */
  STREAM_MAX_PER_CLIENT: positiveInt(4),
  /** Open streams in total; each holds a socket and a timer. */
  STREAM_MAX_TOTAL: positiveInt(1000),
  /** `off`: no snapshots are read or written, every start replays the whole topic. */
  SNAPSHOTS: z.enum(['on', 'off']).default('on'),
  /** The compacted topic holding the fold's snapshots; unset: `<TRANSACTIONS_TOPIC>.analytics-snapshots`. */
  SNAPSHOT_TOPIC: z.string().min(1).optional(),
  /** A snapshot is written this often when anything was folded since the last one. */
  SNAPSHOT_INTERVAL_MS: positiveInt(60_000),
  /** ... and as soon as this many messages were folded since the last one (a long replay included). */
  SNAPSHOT_EVERY_EVENTS: positiveInt(500_000),
});

/** A default below the floor would be raised anyway: refused, so the operator sees it. */
const orderedServiceSchema = serviceSchema.superRefine((config, ctx) => {
  if (config.STREAM_INTERVAL_MS < config.STREAM_MIN_INTERVAL_MS) {
    ctx.addIssue({ code: 'custom', path: ['STREAM_INTERVAL_MS'], message: `must be at least STREAM_MIN_INTERVAL_MS (${config.STREAM_MIN_INTERVAL_MS})` });
  }
  if (config.STREAM_MAX_PER_CLIENT > config.STREAM_MAX_TOTAL) {
    ctx.addIssue({ code: 'custom', path: ['STREAM_MAX_PER_CLIENT'], message: `must be at most STREAM_MAX_TOTAL (${config.STREAM_MAX_TOTAL})` });
  }
});

const withDefaults = orderedServiceSchema.transform((c) => ({ ...c, SNAPSHOT_TOPIC: c.SNAPSHOT_TOPIC ?? `${c.TRANSACTIONS_TOPIC}.analytics-snapshots` }));

export type AnalyticsConfig = z.infer<typeof withDefaults>;

export function loadAnalyticsConfig(env: NodeJS.ProcessEnv = process.env): AnalyticsConfig {
  return loadConfig(withDefaults, env);
}

const reconcileSchema = z.object({
  ANALYTICS_SERVICE_URL: url('http://localhost:8083'),
  PAYMENT_DATABASE_URL: postgresUrl('postgres://payment:payment@localhost:5432/payment'),
  /** How long to wait for analytics to catch up with the database before calling a difference real. */
  RECONCILE_SETTLE_MS: positiveInt(10_000),
  ...postgresLimitsSchema,
});

export type ReconcileConfig = z.infer<typeof reconcileSchema>;

export function loadReconcileConfig(env: NodeJS.ProcessEnv = process.env): ReconcileConfig {
  return loadConfig(reconcileSchema, env);
}
