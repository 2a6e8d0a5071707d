export { startTracing, type Tracing, type TracingOptions } from './start-tracing.js';
export { contextFromTraceparent, currentTraceId, currentTraceparent } from './trace-context.js';
