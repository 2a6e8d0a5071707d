import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { dataDir, repoRoot, type Infra } from '@paymesh/infra/stack';
import { spawnService } from '@paymesh/infra/processes';
import { freePort } from '@paymesh/infra/testing';
import { residentMemory, type TreeMemory } from './process-memory.js';

export interface StatsSample {
  at: number;
  eventsProcessed: number;
}

export interface AnalyticsRun {
  url: string;
  /** Seconds from spawning the process to /ready answering 200. */
  readySeconds: number;
  /** /stats polled every 100 ms while it started: events_processed over time. */
  samples: StatsSample[];
  memory(): TreeMemory;
  /** Where the service's output went. */
  logFile: string;
  stats(): Promise<Record<string, unknown>>;
  stop(): Promise<void>;
}

const now = () => performance.now() / 1000;

/**
 * A lone analytics-service on `topic`, as its own process (from source through tsx, or
 * `bundled`: the built dist/main.js), watched from the first moment: the
 * poller sees events_processed grow during the fold, which gives the fold rate without the
 * start-up, and spawnService returns once /ready is 200, which gives the restart time.
 */
export async function startAnalytics(infra: Infra, topic: string, options: { bundled?: boolean; logLevel?: 'warn' | 'info' } = {}): Promise<AnalyticsRun> {
  const port = await freePort();
  const logFile = path.join(dataDir, 'bench', 'logs', `analytics-${port}.log`);
  const url = `http://127.0.0.1:${port}`;
  const samples: StatsSample[] = [];
  let polling = true;
  const poller = (async () => {
    while (polling) {
      try {
        const res = await fetch(`${url}/stats`);
        if (res.ok) samples.push({ at: now(), eventsProcessed: Number(((await res.json()) as { events_processed: number }).events_processed) });
        else await res.body?.cancel();
      } catch {
        // Not listening yet.
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  const begun = now();
  const service = await spawnService({
    name: 'analytics-service',
    port,
    env: {
      KAFKA_BROKERS: infra.brokers.join(','),
      PAYMENT_DATABASE_URL: infra.databaseUrls.payment,
      TRANSACTIONS_TOPIC: topic,
      LOG_LEVEL: options.logLevel ?? 'warn',
    },
    logFile,
    readyTimeoutMs: 600_000,
    // The esbuild bundle the image runs (see buildAnalyticsBundle), instead of tsx compiling the source at start.
    ...(options.bundled ? { args: ['--enable-source-maps', 'dist/main.js'] } : {}),
  }).catch(async (err: unknown) => {
    polling = false;
    await poller;
    throw err;
  });
  const readySeconds = now() - begun;
  polling = false;
  await poller;
  return {
    url,
    readySeconds,
    samples,
    memory: () => residentMemory(service.child.pid!),
    logFile,
    stats: async () => (await (await fetch(`${url}/stats`)).json()) as Record<string, unknown>,
    stop: () => service.stop(),
  };
}

/**
 * Events folded per second between the first sample that saw an event and the first that saw
 * them all: the fold's own rate, with process start-up and group join left out.
 */
export function foldRate(samples: StatsSample[], total: number): number | undefined {
  const first = samples.findIndex((s) => s.eventsProcessed > 0);
  const last = samples.findIndex((s) => s.eventsProcessed >= total);
  if (first < 0 || last <= first) return undefined;
  const start = samples[Math.max(0, first - 1)]!;
  const end = samples[last]!;
  return (end.eventsProcessed - start.eventsProcessed) / (end.at - start.at);
}

/** Builds analytics-service's esbuild bundle, as its image does (`npm run build`). */
export async function buildAnalyticsBundle(): Promise<void> {
  await promisify(execFile)('npm', ['run', 'build', '-w', '@paymesh/analytics-service'], { cwd: repoRoot });
}
