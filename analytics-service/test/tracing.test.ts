import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { expect } from 'chai';
import type { RunningService } from '@paymesh/shared/http';
import { startAnalytics, statsWhen, waitReady } from './support/analytics.js';
import { buildCreated } from './support/events.js';
import { closePublisher, deleteCreatedTopics, publishRaw, uniqueTopics } from './support/kafka.js';
import { finishedSpans } from './support/tracing.js';
import { waitFor } from '@paymesh/infra/testing';

describe('the fold continues the trace an event carries', () => {
  const lines: Record<string, unknown>[] = [];
  let topics: { topic: string; dlq: string };
  let service: RunningService;
  const newTraceparent = () => {
    const traceId = randomBytes(16).toString('hex');
    const parentSpanId = randomBytes(8).toString('hex');
    return { traceId, parentSpanId, traceparent: `00-${traceId}-${parentSpanId}-01` };
  };
  const linesOf = (traceId: string) => lines.filter((line) => line.trace_id === traceId);

  before(async () => {
    topics = await uniqueTopics(3);
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
        done();
      },
    });
    service = await startAnalytics(topics.topic, topics.dlq, { LOG_LEVEL: 'info' }, sink);
    await waitReady(service.url);
  });
  after(async () => {
    await service.stop();
    await closePublisher();
    await deleteCreatedTopics();
  });

  it('when a message has a sampled traceparent header, folds it in a span of that trace, child of the sender, and logs its trace id', async () => {
    const { traceId, parentSpanId, traceparent } = newTraceparent();
    const event = buildCreated({ user_id: `traced-${traceId}` });

    await publishRaw(topics.topic, [{ key: event.user_id, value: JSON.stringify(event), headers: { traceparent } }]);
    await statsWhen(service.url, 'the traced event folded', (s) => s.events_processed === 1);
    const span = finishedSpans.getFinishedSpans().find((s) => s.spanContext().traceId === traceId);

    expect(span?.name).to.equal('fold transaction.created');
    expect(span?.parentSpanContext?.spanId).to.equal(parentSpanId);
    expect(span?.attributes).to.include({ 'paymesh.event_id': event.event_id, 'paymesh.fold.outcome': 'applied' });
    expect(linesOf(traceId)[0]).to.include({ msg: 'folded a traced event', event_id: event.event_id, outcome: 'applied' });
  });

  it('when a message with a traceparent is refused, the rejection line carries its trace id', async () => {
    const { traceId, traceparent } = newTraceparent();

    await publishRaw(topics.topic, [{ key: 'bad', value: '{"not":"an event"}', headers: { traceparent } }]);
    await waitFor('the rejection line', () => Promise.resolve(linesOf(traceId).length > 0), 15_000);

    expect(linesOf(traceId)[0]).to.include({ msg: 'rejected message', level: 40 });
  });
});
