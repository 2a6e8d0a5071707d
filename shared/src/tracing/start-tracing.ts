import type { SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { loadTracingConfig, type TracingConfig } from './config.js';
import { registerPropagationOnly } from './propagation-only.js';

export interface Tracing {
  /** Sends what is still buffered and stops. */
  shutdown(): Promise<void>;
}

export interface TracingOptions {
  service: string;
  config?: TracingConfig;
  /** Where finished spans go instead of OTLP: tests pass an in-memory exporter here. */
  spanProcessor?: SpanProcessor;
}

/**
 * Starts the OpenTelemetry SDK with the http, express and pg instrumentations, exporting over
 * OTLP (http/protobuf) when OTEL_EXPORTER_OTLP_ENDPOINT is set. With no endpoint (and no
 * processor given) only trace-context propagation is registered: no SDK, no instrumentation,
 * no span recorded, but each request still has a trace id that its log lines, its outbox row
 * and its Kafka message carry. Call it before the instrumented modules are loaded.
 */
export async function startTracing(options: TracingOptions): Promise<Tracing | undefined> {
  const config = options.config ?? loadTracingConfig();
  if (!config.OTEL_EXPORTER_OTLP_ENDPOINT && !options.spanProcessor) {
    registerPropagationOnly();
    return undefined;
  }
  // Loaded only when used: the SDK, its exporter and instrumentations took 0.7 to 2 s of a
  // service's start on a busy machine, for nothing when no endpoint is set.
  const { startSdk } = await import('./start-sdk.js');
  return startSdk(options, config);
}
