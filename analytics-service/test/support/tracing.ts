import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { startTracing } from '@paymesh/shared/tracing';

/**
 * Tracing for the test process, started before any test file loads http, express or pg (mocha
 * requires this file first), with finished spans kept in memory for the tests to read.
 */
export const finishedSpans = new InMemorySpanExporter();
await startTracing({ service: 'test', config: { OTEL_TRACES_SAMPLER_ARG: 1 }, spanProcessor: new SimpleSpanProcessor(finishedSpans) });
