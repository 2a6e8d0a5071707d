import { z } from 'zod';
import { brokerList, host, loadConfig, logLevel, port, positiveInt, postgresUrl, url } from '@paymesh/shared/config';
import { toCents } from '@paymesh/shared/money';

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
  KAFKA_BROKERS: brokerList('localhost:9092'),
  TRANSACTIONS_TOPIC: z.string().regex(/^[A-Za-z0-9._-]{1,249}$/, 'must be a valid Kafka topic name').default('transactions'),
  AUTH_JWKS_URL: url('http://localhost:8081/.well-known/jwks.json'),
  /** Verified tokens remembered to skip repeat RS256 checks (as in the gateway); 0 turns the cache off. */
  TOKEN_CACHE_SIZE: z.coerce.number().int().min(0).default(10_000),
  /** A cached token is verified again after this long (sooner at its expiry), so a withdrawn key stops working soon. */
  TOKEN_CACHE_TTL_MS: positiveInt(60_000),
  /** The most a user's transactions may add up to, ever (the seed's 1000). */
  MAX_USER_TOTAL: centsAmount('1000.00'),
  /** How long an Idempotency-Key is remembered; the contract promises at least 24 hours. */
  IDEMPOTENCY_TTL_HOURS: z.coerce.number().int().min(24).default(24),
  /** The relay is woken by NOTIFY on commit; this slow poll only covers a lost notification. */
  OUTBOX_POLL_INTERVAL_MS: positiveInt(5000),
  /** Sent outbox rows are kept this long for inspection, then purged. */
  OUTBOX_RETENTION_HOURS: positiveInt(72),
});

export type PaymentConfig = z.infer<typeof schema>;

export function loadPaymentConfig(env: NodeJS.ProcessEnv = process.env): PaymentConfig {
  return loadConfig(schema, env);
}
