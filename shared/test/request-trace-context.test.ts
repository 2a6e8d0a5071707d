import { expect } from 'chai';
import { trace, TraceFlags } from '@opentelemetry/api';
import { requestTraceContext } from '../src/tracing/continue-trace.js';
import { registerPropagationOnly } from '../src/tracing/propagation-only.js';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const CALLER_SPAN_ID = '00f067aa0ba902b7';
const spanOf = (headers: Record<string, string>) => trace.getSpanContext(requestTraceContext(headers))!;

describe('the trace a request continues, with no SDK', () => {
  before(() => registerPropagationOnly());

  it('when the caller sends a valid traceparent, keeps its trace id and sampled flag under a span id of its own', () => {
    const span = spanOf({ traceparent: `00-${TRACE_ID}-${CALLER_SPAN_ID}-01` });

    expect(span.traceId).to.equal(TRACE_ID);
    expect(span.spanId).to.match(/^[0-9a-f]{16}$/).and.not.equal(CALLER_SPAN_ID);
    expect(span.traceFlags).to.equal(TraceFlags.SAMPLED);
  });

  for (const [what, traceparent] of [
    ['an all-zero trace id', `00-${'0'.repeat(32)}-${CALLER_SPAN_ID}-01`],
    ['the forbidden version ff', `ff-${TRACE_ID}-${CALLER_SPAN_ID}-01`],
    ['upper-case hex', `00-${TRACE_ID.toUpperCase()}-${CALLER_SPAN_ID}-01`],
    ['no parts at all', 'garbage'],
  ]) {
    it(`when the traceparent has ${what}, starts a new unsampled trace instead`, () => {
      const span = spanOf({ traceparent: traceparent! });

      expect(span.traceId).to.match(/^[0-9a-f]{32}$/).and.not.equal(TRACE_ID);
      expect(span.traceFlags).to.equal(TraceFlags.NONE);
    });
  }

  it('when there is no traceparent, starts a new unsampled trace, a different one each time', () => {
    const first = spanOf({});
    const second = spanOf({});

    expect(first.traceId).to.match(/^[0-9a-f]{32}$/).and.not.equal(second.traceId);
    expect(first.traceFlags).to.equal(TraceFlags.NONE);
  });
});
