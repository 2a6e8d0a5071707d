import { Router } from 'express';
import { AppError, errors } from '@paymesh/shared/errors';
import { METRICS_PATH } from '@paymesh/shared/metrics';

/**
 * Each service serves its metrics on its own port, for the scraper on the internal network.
 * The mesh routes would otherwise forward `/payment/metrics` to it from the public internet,
 * so these paths end here, matched by the same (case-insensitive, trailing-slash-tolerant)
 * rules the service itself would use.
 */
export function upstreamMetricsGuard(prefixes: readonly string[]): Router {
  const router = Router();
  router.all(
    prefixes.map((prefix) => `/${prefix}${METRICS_PATH}`),
    (req, _res, next) => next(new AppError(errors.NOT_FOUND, { message: `No route for ${req.method} ${req.path}` })),
  );
  return router;
}
