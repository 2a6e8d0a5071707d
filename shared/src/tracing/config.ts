import { z } from 'zod';
import { loadConfig } from '../config/index.js';

const schema = z.object({
  /**
   * Where spans go over OTLP (http/protobuf), e.g. http://localhost:4318. Unset or empty: no
   * tracing SDK at all (empty, so a compose file can pass `${OTEL_EXPORTER_OTLP_ENDPOINT:-}` through).
   */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.preprocess((value) => (value === '' ? undefined : value), z.url().optional()),
  /** Fraction of new traces recorded (a caller's sampled traceparent is always followed). */
  OTEL_TRACES_SAMPLER_ARG: z.coerce.number().min(0).max(1).default(1),
});

export type TracingConfig = z.infer<typeof schema>;

export function loadTracingConfig(env: NodeJS.ProcessEnv = process.env): TracingConfig {
  return loadConfig(schema, env);
}
