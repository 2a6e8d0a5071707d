import type { Express } from 'express';
import { createHttpApp } from '@paymesh/shared/http';
import type { Logger } from '@paymesh/shared/logger';
import { httpMetrics, metricsRoute, type Registry } from '@paymesh/shared/metrics';
import type { TokenVerifier } from '@paymesh/shared/auth';
import type { ConsumerProgress } from './consumer/consumer.progress.js';
import type { StatsFold } from './stats/stats.fold.js';
import type { StatsSnapshot } from './stats/stats.snapshot.js';
import type { StatsStream } from './stats/stats.stream.js';
import { statsRoutes } from './stats/stats.routes.js';

export interface AppDeps {
  logger: Logger;
  fold: StatsFold;
  progress: ConsumerProgress;
  snapshot: StatsSnapshot;
  stream: StatsStream;
  verifier: TokenVerifier;
  streamIntervalMs: number;
  registry: Registry;
}

function check(ok: boolean, why: () => string): Promise<void> {
  return ok ? Promise.resolve() : Promise.reject(new Error(why()));
}

export function buildApp(deps: AppDeps): Express {
  const { progress } = deps;
  return createHttpApp(
    {
      service: 'analytics-service',
      logger: deps.logger,
      readiness: {
        // Serving numbers before the replay ends would show a partial history as if it were all.
        consumer: () => {
          const v = progress.view();
          return check(v.status === 'running' && v.caught_up_to_start && !v.stalled, () =>
            v.stalled ? `stalled with lag ${v.lag}` : v.status !== 'running' ? `consumer ${v.status}${v.last_error ? `: ${v.last_error}` : ''}` : `catching up, lag ${v.lag}`,
          );
        },
        kafka: () => check(progress.view().broker_reachable, () => 'no answer from the broker recently'),
      },
      liveness: {
        consumer: () => {
          const v = progress.view();
          return check(v.status !== 'crashed' && !v.stalled, () => (v.stalled ? `stalled with lag ${v.lag}` : `crashed: ${v.last_error ?? 'unknown'}`));
        },
      },
    },
    (app) => {
      app.use(httpMetrics(deps.registry), metricsRoute(deps.registry));
      app.use(statsRoutes(deps));
    },
  );
}
