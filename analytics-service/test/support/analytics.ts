import { createLogger } from '@paymesh/shared/logger';
import { loadAnalyticsConfig } from '../../src/config.js';
import type { RunningService } from '@paymesh/shared/http';
import { startService } from '../../src/service.js';
import { waitFor } from '@paymesh/infra/testing';
import type { StatsBody } from '../../src/stats/stats.view.js';

/** The real service in-process on port 0, reading `topic`; env overrides win; log lines go to `logs` when given. */
export async function startAnalytics(topic: string, dlq: string, env: Record<string, string> = {}, logs?: Parameters<typeof createLogger>[2]): Promise<RunningService> {
  const config = loadAnalyticsConfig({
    ...process.env,
    PORT: '0',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    TRANSACTIONS_TOPIC: topic,
    DLQ_TOPIC: dlq,
    ANALYTICS_GROUP_PREFIX: 'analytics-test',
    LAG_REFRESH_MS: '500',
    STREAM_INTERVAL_MS: '100',
    STREAM_MIN_INTERVAL_MS: '100',
    ...env,
  });
  return startService(config, createLogger('analytics-service', config.LOG_LEVEL, logs));
}

export async function getStats(url: string): Promise<StatsBody> {
  const res = await fetch(`${url}/stats`);
  if (res.status !== 200) throw new Error(`GET /stats answered ${res.status}`);
  return (await res.json()) as StatsBody;
}

/** Waits until /stats satisfies `done`, failing loudly with the last body seen. */
export async function statsWhen(url: string, what: string, done: (s: StatsBody) => boolean, timeoutMs = 15_000): Promise<StatsBody> {
  let last: StatsBody | undefined;
  try {
    await waitFor(what, async () => done((last = await getStats(url))), timeoutMs, 50);
  } catch (err) {
    throw new Error(`${(err as Error).message}; last /stats: ${JSON.stringify(last)}`, { cause: err });
  }
  return last!;
}

export async function waitReady(url: string, timeoutMs = 20_000): Promise<void> {
  await waitFor(`${url}/ready to answer 200`, async () => (await fetch(`${url}/ready`)).status === 200, timeoutMs, 50);
}
