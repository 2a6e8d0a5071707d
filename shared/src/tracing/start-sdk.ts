import { createRequire, register } from 'node:module';
import type { TracingConfig } from './config.js';
import type { Tracing, TracingOptions } from './start-tracing.js';

/**
 * The OpenTelemetry SDK with the http, express and pg instrumentations, exporting over OTLP
 * (http/protobuf) to the configured endpoint, or to the processor a test gives.
 */
export async function startSdk(options: TracingOptions, config: TracingConfig): Promise<Tracing> {
  // Imported here, not at the top: a bundler hoists a module's static imports into the bundle's
  // own, which would load all of this in every service, traced or not.
  const [
    { createAddHookMessageChannel },
    { registerInstrumentations },
    { ExpressInstrumentation, ExpressLayerType },
    { HttpInstrumentation },
    { PgInstrumentation },
    { OTLPTraceExporter },
    { resourceFromAttributes },
    { BatchSpanProcessor, ParentBasedSampler, TraceIdRatioBasedSampler },
    { NodeTracerProvider },
  ] = await Promise.all([
    import('import-in-the-middle'),
    import('@opentelemetry/instrumentation'),
    import('@opentelemetry/instrumentation-express'),
    import('@opentelemetry/instrumentation-http'),
    import('@opentelemetry/instrumentation-pg'),
    import('@opentelemetry/exporter-trace-otlp-proto'),
    import('@opentelemetry/resources'),
    import('@opentelemetry/sdk-trace-base'),
    import('@opentelemetry/sdk-trace-node'),
  ]);
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
