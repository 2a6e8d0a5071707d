import type { RequestHandler } from 'express';
import type { Logger } from '../logger/index.js';
import { currentTraceId } from '../tracing/trace-context.js';
import { REQUEST_ID_HEADER } from './request-id.js';

const PROBES = new Set(['/health', '/ready']);

/**
 * One JSON line per finished request: request id, method, url, status and duration; 5xx at
 * error, 4xx at warn, the rest at info. Written here rather than with pino-http, which builds
 * two child loggers per request whether or not a line is written: that was a third of the
 * gateway's CPU per proxied request, and dropping it took auth-service's GET /health from
 * ~5,000 to ~7,000 requests a second (bench row B1).
 * Probes run every few seconds; logging them would drown the requests people make.
 */
export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const url = req.url;
    if (PROBES.has(url)) return next();
    const started = performance.now();
    // Read now: the request's span is no longer the active one when 'close' fires.
    const traceId = currentTraceId();
    res.once('close', () => {
      const status = res.statusCode;
      const level = status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info';
      // The usual production level for a busy service is warn: then a 2xx costs no line at all.
      if (!logger.isLevelEnabled(level)) return;
      const line = {
        request_id: res.getHeader(REQUEST_ID_HEADER),
        ...(traceId ? { trace_id: traceId } : {}),
        req: { method: req.method, url },
        res: { status },
        responseTime: Math.round(performance.now() - started),
        ...(res.writableFinished ? {} : { aborted: true }),
      };
      logger[level](line, status >= 500 ? 'request failed' : 'request completed');
    });
    next();
  };
}
