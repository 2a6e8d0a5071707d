import { z } from 'zod';
import { host, loadConfig, logLevel, port, positiveInt, url } from '@paymesh/shared/config';
import { cidrList, PRIVATE_NETWORKS } from '@paymesh/shared/metrics';

const count = (fallback: number) => z.coerce.number().int().min(0).default(fallback);
const commaList = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((value) => value.split(',').map((item) => item.trim()).filter(Boolean));

/**
 * Several instances of one upstream, comma-separated. Bounded, because each instance is a
 * label value on the breaker and latency metrics; duplicates would double one instance's share.
 */
const MAX_INSTANCES = 16;
const urlList = () =>
  z
    .string()
    .optional()
    .transform((value) => value?.split(',').map((item) => item.trim()).filter(Boolean))
    .pipe(
      z
        .array(z.url({ protocol: /^https?$/, error: 'each instance must be an http(s) URL' }))
        .min(1, 'list at least one URL')
        .max(MAX_INSTANCES, `at most ${MAX_INSTANCES} instances`)
        .refine((urls) => new Set(urls).size === urls.length, 'an instance is listed twice')
        .optional(),
    );

/** Express's `trust proxy`: off by default, because the gateway is the edge and X-Forwarded-For from a client is a lie. */
const trustProxy = z
  .string()
  .default('false')
  .transform((value): boolean | number | string => {
    if (value === 'false') return false;
    if (value === 'true') return true;
    return /^\d+$/.test(value) ? Number(value) : value;
  });

const schema = z
  .object({
    PORT: port(8080),
    HOST: host(),
    LOG_LEVEL: logLevel(),
    AUTH_SERVICE_URL: url('http://localhost:8081'),
    PAYMENT_SERVICE_URL: url('http://localhost:8082'),
    ANALYTICS_SERVICE_URL: url('http://localhost:8083'),
    // Every instance of an upstream; when set, replaces the single-URL variable above it.
    AUTH_SERVICE_URLS: urlList(),
    PAYMENT_SERVICE_URLS: urlList(),
    ANALYTICS_SERVICE_URLS: urlList(),
    // Which healthy instance gets the next request: the one with the fewest requests waiting
    // for an answer (ties taken in turn), or strictly in turn.
    BALANCE_POLICY: z.enum(['least_in_flight', 'round_robin']).default('least_in_flight'),
    // How often each instance's /ready is asked, when an upstream has more than one instance.
    INSTANCE_CHECK_INTERVAL_MS: z.coerce.number().int().min(100).max(60_000).default(2_000),
    // Unset: derived from AUTH_SERVICE_URL, so pointing the gateway at another auth needs one variable.
    AUTH_JWKS_URL: z.url().optional(),
    CORS_ORIGINS: commaList('http://localhost:3000'),
    TRUST_PROXY: trustProxy,
    BODY_LIMIT_BYTES: positiveInt(64 * 1024),
    // Rate limits: requests per window; 0 turns a limit off.
    RATE_LIMIT_WINDOW_MS: positiveInt(60_000),
    // Only failed logins count, per client and per (username, client); registrations have their own budget.
    RATE_LIMIT_LOGIN_PER_IP: count(10),
    RATE_LIMIT_LOGIN_PER_USERNAME: count(5),
    RATE_LIMIT_REGISTER_PER_IP: count(10),
    RATE_LIMIT_PER_IP: count(600),
    RATE_LIMIT_PER_USER: count(300),
    RATE_LIMIT_HEALTH_PER_IP: count(60),
    // One round of /health probes answers every caller for this long.
    HEALTH_CACHE_MS: z.coerce.number().int().min(0).max(10_000).default(1_000),
    // Live stats streams: viewers per client and in total, and the fastest push interval.
    STREAM_MAX_PER_CLIENT: positiveInt(4),
    STREAM_MAX_TOTAL: positiveInt(1_000),
    STREAM_MIN_INTERVAL_MS: z.coerce.number().int().min(50).max(60_000).default(250),
    // Time an upstream has to start answering; streams (SSE) are not cut once they have started.
    AUTH_TIMEOUT_MS: positiveInt(10_000),
    PAYMENT_TIMEOUT_MS: positiveInt(10_000),
    ANALYTICS_TIMEOUT_MS: positiveInt(5_000),
    HEALTH_TIMEOUT_MS: positiveInt(2_000),
    // Verified tokens remembered to skip repeat signature checks; 0 turns the cache off.
    TOKEN_CACHE_SIZE: count(10_000),
    TOKEN_CACHE_TTL_MS: positiveInt(60_000),
    // Circuit breaker per upstream: opens when more than ERROR_PERCENT of at least VOLUME calls
    // in WINDOW fail, answers 503 at once while open, and lets one call through after RESET.
    BREAKER_VOLUME: positiveInt(5),
    BREAKER_ERROR_PERCENT: z.coerce.number().min(0).max(100).default(50),
    BREAKER_WINDOW_MS: positiveInt(10_000),
    BREAKER_RESET_MS: positiveInt(10_000),
    // Who may read GET /metrics on this public port: addresses or CIDR ranges, comma-separated.
    METRICS_ALLOW: cidrList(PRIVATE_NETWORKS),
  })
  .transform((env) => ({
    ...env,
    UPSTREAM_URLS: {
      auth: env.AUTH_SERVICE_URLS ?? [env.AUTH_SERVICE_URL],
      payment: env.PAYMENT_SERVICE_URLS ?? [env.PAYMENT_SERVICE_URL],
      analytics: env.ANALYTICS_SERVICE_URLS ?? [env.ANALYTICS_SERVICE_URL],
    },
    AUTH_JWKS_URL: env.AUTH_JWKS_URL ?? new URL('/.well-known/jwks.json', env.AUTH_SERVICE_URLS?.[0] ?? env.AUTH_SERVICE_URL).href,
  }));

export type GatewayConfig = z.infer<typeof schema>;

export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  return loadConfig(schema, env);
}
