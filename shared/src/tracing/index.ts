export { startTracing, type Tracing, type TracingOptions } from './start-tracing.js';
export { continueTrace, requestTraceContext } from './continue-trace.js';
export { contextFromTraceparent, currentTraceId, currentTraceparent, replaceTraceHeaders, traceIdIn } from './trace-context.js';
