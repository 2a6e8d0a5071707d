import { createRequire, register } from 'node:module';
import { createAddHookMessageChannel } from 'import-in-the-middle';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { ExpressInstrumentation, ExpressLayerType } from '@opentelemetry/instrumentation-express';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, ParentBasedSampler, TraceIdRatioBasedSampler, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
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
export function startTracing(options: TracingOptions): Tracing | undefined {
  const config = options.config ?? loadTracingConfig();
  if (!config.OTEL_EXPORTER_OTLP_ENDPOINT && !options.spanProcessor) {
    registerPropagationOnly();
    return undefined;
  }
  // ES modules are instrumented through import-in-the-middle's loader hook, registered before they load.
  const { registerOptions } = createAddHookMessageChannel();
  register('import-in-the-middle/hook.mjs', import.meta.url, registerOptions);

  const exporterUrl = config.OTEL_EXPORTER_OTLP_ENDPOINT && new URL('/v1/traces', config.OTEL_EXPORTER_OTLP_ENDPOINT).href;
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': options.service }),
    sampler: new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(config.OTEL_TRACES_SAMPLER_ARG) }),
    spanProcessors: [options.spanProcessor ?? new BatchSpanProcessor(new OTLPTraceExporter({ url: exporterUrl }))],
  });
  provider.register();
  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      // Probes and scrapes every few seconds would bury the requests people make.
      new HttpInstrumentation({ ignoreIncomingRequestHook: (req) => /^\/(health|ready|metrics)\b/.test(req.url ?? '') }),
      // Spans only where they tell something: the route names the server span, while a span per
      // middleware (request id, logging, body parsing…) and per pool checkout would double the
      // spans of each request for nothing to read (measured: half the throughput with them).
      new ExpressInstrumentation({ ignoreLayersType: [ExpressLayerType.MIDDLEWARE, ExpressLayerType.REQUEST_HANDLER] }),
      new PgInstrumentation({ requireParentSpan: true, ignoreConnectSpans: true }),
    ],
  });
  // Node's own http module is patched when required: do it now, whoever imports it first.
  createRequire(import.meta.url)('node:http');
  return { shutdown: () => provider.shutdown() };
}
