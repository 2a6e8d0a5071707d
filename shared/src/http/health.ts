import { Router } from 'express';

/** A named dependency check: resolves when the dependency answers, rejects otherwise. */
export type ReadinessChecks = Record<string, () => Promise<unknown>>;

const CHECK_TIMEOUT_MS = 2000;

async function runCheck(check: () => Promise<unknown>) {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
      }),
    ]);
    return { status: 'up' as const, latency_ms: Math.round(performance.now() - started) };
  } catch (err) {
    return { status: 'down' as const, latency_ms: Math.round(performance.now() - started), error: (err as Error).message };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * `GET /health`: the process is alive and serving. `GET /ready`: every dependency answers,
 * so a load balancer or the gateway can route to this instance.
 */
export function healthRoutes(service: string, checks: ReadinessChecks = {}, liveness: ReadinessChecks = {}): Router {
  const router = Router();
  router.get('/health', async (_req, res) => {
    const names = Object.keys(liveness);
    if (names.length === 0) {
      res.json({ status: 'ok', service, uptime_s: Math.round(process.uptime()) });
      return;
    }
    // A process can be up yet useless (a wedged consumer): liveness checks make that visible.
    const results = await Promise.all(names.map((name) => runCheck(liveness[name]!)));
    const ok = results.every((r) => r.status === 'up');
    res.status(ok ? 200 : 503).json({
      status: ok ? 'ok' : 'unhealthy',
      service,
      uptime_s: Math.round(process.uptime()),
      checks: Object.fromEntries(names.map((name, i) => [name, results[i]])),
    });
  });
  router.get('/ready', async (_req, res) => {
    const names = Object.keys(checks);
    const results = await Promise.all(names.map((name) => runCheck(checks[name]!)));
    const detail = Object.fromEntries(names.map((name, i) => [name, results[i]]));
    const ready = results.every((r) => r.status === 'up');
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not_ready', service, checks: detail });
  });
  return router;
}
