import { randomBytes } from 'node:crypto';
import { expect } from 'chai';
import type { RunningService } from '@paymesh/shared/http';
import { startAnalytics, statsWhen, waitReady } from './support/analytics.js';
import { buildCreated } from './support/events.js';
import { closePublisher, deleteCreatedTopics, publishRaw, uniqueTopics } from './support/kafka.js';
import { finishedSpans } from './support/tracing.js';

describe('the fold continues the trace an event carries', () => {
  let topics: { topic: string; dlq: string };
  let service: RunningService;

  before(async () => {
    topics = await uniqueTopics(3);
    service = await startAnalytics(topics.topic, topics.dlq);
    await waitReady(service.url);
  });
  after(async () => {
    await service.stop();
    await closePublisher();
    await deleteCreatedTopics();
  });

  it('when a message has a traceparent header, folds it in a span of that trace, child of the sender', async () => {
    const traceId = randomBytes(16).toString('hex');
    const parentSpanId = randomBytes(8).toString('hex');
    const event = buildCreated({ user_id: `traced-${traceId}` });

    await publishRaw(topics.topic, [{ key: event.user_id, value: JSON.stringify(event), headers: { traceparent: `00-${traceId}-${parentSpanId}-01` } }]);
    await statsWhen(service.url, 'the traced event folded', (s) => s.events_processed === 1);
    const span = finishedSpans.getFinishedSpans().find((s) => s.spanContext().traceId === traceId);

    expect(span?.name).to.equal('fold transaction.created');
    expect(span?.parentSpanContext?.spanId).to.equal(parentSpanId);
    expect(span?.attributes).to.include({ 'paymesh.event_id': event.event_id, 'paymesh.fold.outcome': 'applied' });
  });
});
