import { z } from 'zod';
import { DEFAULT_MAX_USER_TOTAL } from '@paymesh/contract/payment';
import { brokerList, host, loadConfig, logLevel, port, positiveInt, postgresUrl, url } from '@paymesh/shared/config';
import { toCents } from '@paymesh/shared/money';
import { postgresLimitsSchema } from '@paymesh/shared/postgres';

/** A money amount written as in the API ("1000.00" or "1000"), kept as integer cents. */
const centsAmount = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((text, ctx) => {
      const cents = /^\d+(\.\d{1,2})?$/.test(text) ? toCents(Number(text)) : null;
      if (cents === null || cents <= 0) {
        ctx.addIssue({ code: 'custom', message: 'must be a positive amount with at most 2 decimals' });
        return z.NEVER;
      }
      return cents;
    });

const schema = z.object({
  PORT: port(8082),
  HOST: host(),
  LOG_LEVEL: logLevel(),
  PAYMENT_DATABASE_URL: postgresUrl('postgres://payment:payment@localhost:5432/payment'),
  DB_POOL_MAX: positiveInt(10),
  ...postgresLimitsSchema,
  KAFKA_BROKERS: brokerList('localhost:9092'),
  TRANSACTIONS_TOPIC: z.string().regex(/^[A-Za-z0-9._-]{1,249}$/, 'must be a valid Kafka topic name').default('transactions'),
  AUTH_JWKS_URL: url('http://localhost:8081/.well-known/jwks.json'),
  /** Verified tokens remembered to skip repeat RS256 checks (as in the gateway); 0 turns the cache off. */
  TOKEN_CACHE_SIZE: z.coerce.number().int().min(0).default(10_000),
  /** A cached token is verified again after this long (sooner at its expiry), so a withdrawn key stops working soon. */
  TOKEN_CACHE_TTL_MS: positiveInt(60_000),
  /** The most a user's transactions may add up to, ever (1000 unless configured). */
  MAX_USER_TOTAL: centsAmount(DEFAULT_MAX_USER_TOTAL),
  /** How long an Idempotency-Key is remembered; the contract promises at least 24 hours. */
  IDEMPOTENCY_TTL_HOURS: z.coerce.number().int().min(24).default(24),
  /** A keyed request still unanswered after this long is taken to have died; a retry may take its key over. */
  IDEMPOTENCY_LEASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  /** The relay is woken by NOTIFY on commit; this slow poll only covers a lost notification. */
  OUTBOX_POLL_INTERVAL_MS: positiveInt(5000),
  /** The relay gives up on an unacknowledged Kafka send after this long, and rolls back to retry. */
  OUTBOX_PUBLISH_TIMEOUT_MS: positiveInt(10_000),
  /** Sent outbox rows are kept this long for inspection, then purged. */
  OUTBOX_RETENTION_HOURS: positiveInt(72),
});

/**
 * The timeouts only make the guarantees true in this order: the relay's Kafka send, during
 * which its transaction sits idle holding the relay lock, must end before PostgreSQL ends an
 * idle transaction; and every transaction, a keyed request's included, must be over before
 * its idempotency key may be taken over by a retry.
 */
const orderedSchema = schema.superRefine((config, ctx) => {
  const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  if (config.PG_IDLE_IN_TRANSACTION_TIMEOUT_MS <= config.OUTBOX_PUBLISH_TIMEOUT_MS) {
    issue('PG_IDLE_IN_TRANSACTION_TIMEOUT_MS', `must be above OUTBOX_PUBLISH_TIMEOUT_MS (${config.OUTBOX_PUBLISH_TIMEOUT_MS})`);
  }
  if (config.PG_TRANSACTION_TIMEOUT_MS <= config.OUTBOX_PUBLISH_TIMEOUT_MS) {
    issue('PG_TRANSACTION_TIMEOUT_MS', `must be above OUTBOX_PUBLISH_TIMEOUT_MS (${config.OUTBOX_PUBLISH_TIMEOUT_MS})`);
  }
  if (config.PG_TRANSACTION_TIMEOUT_MS >= config.IDEMPOTENCY_LEASE_SECONDS * 1000) {
    issue('PG_TRANSACTION_TIMEOUT_MS', `must be below IDEMPOTENCY_LEASE_SECONDS (${config.IDEMPOTENCY_LEASE_SECONDS} s)`);
  }
});

export type PaymentConfig = z.infer<typeof schema>;

export function loadPaymentConfig(env: NodeJS.ProcessEnv = process.env): PaymentConfig {
  return loadConfig(orderedSchema, env);
}
