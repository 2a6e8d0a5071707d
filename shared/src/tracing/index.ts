export { startTracing, type Tracing, type TracingOptions } from './start-tracing.js';
export { continueTrace, requestTraceContext } from './continue-trace.js';
export { contextFromTraceparent, currentTraceId, currentTraceparent, replaceTraceHeaders } from './trace-context.js';
