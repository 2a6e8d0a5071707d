import { AsyncLocalStorage } from 'node:async_hooks';
import { pino, type DestinationStream, type Logger } from 'pino';
import { currentTraceId } from '../tracing/trace-context.js';

export type { Logger } from 'pino';

interface RequestContext {
  requestId: string;
}

const requestContext = new AsyncLocalStorage<RequestContext>();

/** Runs `fn` with a request id that every log line written inside it will carry. */
export function runWithRequestId<T>(requestId: string, fn: () => T): T {
  return requestContext.run({ requestId }, fn);
}

/** The id of the request being handled, if any: used in error bodies and outgoing events. */
export function currentRequestId(): string | undefined {
  return requestContext.getStore()?.requestId;
}

/**
 * One JSON line per event, namespaced by service, with the current request id (and, when
 * tracing, the trace id) mixed in, so an operator can follow one request across the gateway
 * and the services, and from a log line to its trace.
 */
export function createLogger(name: string, level = 'info', destination?: DestinationStream): Logger {
  const options = {
    name,
    level,
    base: { service: name },
    timestamp: pino.stdTimeFunctions.isoTime,
    mixin() {
      const requestId = currentRequestId();
      const traceId = currentTraceId();
      if (!traceId) return requestId ? { request_id: requestId } : {};
      return requestId ? { request_id: requestId, trace_id: traceId } : { trace_id: traceId };
    },
  };
  // A destination other than stdout is for tests that read the lines back.
  return destination ? pino(options, destination) : pino(options);
}
