export { createMetricsRegistry } from './registry.js';
export { httpMetrics, LATENCY_BUCKETS } from './http-metrics.js';
export { metricsRoute, METRICS_PATH } from './metrics-route.js';
export { routeTemplateOf, statusClassOf, UNMATCHED_ROUTE } from './route-template.js';
export { cidrList, ipAllowList, PRIVATE_NETWORKS } from './ip-allow-list.js';
export { Counter, Gauge, Histogram, type Registry } from 'prom-client';
