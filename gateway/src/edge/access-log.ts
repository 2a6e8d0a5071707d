import type { RequestHandler } from 'express';
import type { Logger } from '@paymesh/shared/logger';

/**
 * One JSON line per finished request, with the fields of the services' request log. Leaner
 * than pino-http, which builds two child loggers per request: at the edge that was a third of
 * the gateway's CPU per proxied request. Probes are left out, as in the services.
 */
export function accessLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const url = req.url;
    if (url === '/health' || url === '/ready') return next();
    const started = performance.now();
    const requestId = res.getHeader('x-request-id');
    res.once('close', () => {
      const status = res.statusCode;
      const line = {
        request_id: requestId,
        req: { method: req.method, url },
        res: { status },
        responseTime: Math.round(performance.now() - started),
        ...(res.writableFinished ? {} : { aborted: true }),
      };
      if (status >= 500) logger.error(line, 'request failed');
      else if (status >= 400) logger.warn(line, 'request completed');
      else logger.info(line, 'request completed');
    });
    next();
  };
}
