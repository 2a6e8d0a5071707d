import type { RequestHandler } from 'express';
import { Histogram, type Registry } from 'prom-client';
import { routeTemplateOf, statusClassOf } from './route-template.js';

/** Seconds; from 1 ms (a cached read) to 10 s (a request timing out at the edge). */
export const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * Times every request from arrival to the end of its response (or the client leaving), labelled
 * by method, route template and status class: the R, E and D of RED.
 */
export function httpMetrics(registry: Registry): RequestHandler {
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time from the arrival of a request to the end of its response, by route template and status class',
    labelNames: ['method', 'route', 'status_class'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  return (req, res, next) => {
    const started = performance.now();
    res.once('close', () => {
      duration.observe(
        { method: req.method, route: routeTemplateOf(req, res), status_class: statusClassOf(res.statusCode) },
        (performance.now() - started) / 1000,
      );
    });
    next();
  };
}
