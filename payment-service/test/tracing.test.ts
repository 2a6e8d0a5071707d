import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { expect } from 'chai';
import { createLogger } from '@paymesh/shared/logger';
import { loadPaymentConfig } from '../src/config.js';
import type { RunningService } from '@paymesh/shared/http';
import { startService } from '../src/service.js';
import { paymentApi } from './support/api.js';
import { newUser } from './support/auth.js';
import { buildTransaction } from './support/factories.js';
import { createTestTopic } from './support/payment-service.js';
import { readTopic, type TopicReader } from './support/topic-reader.js';
import { finishedSpans } from './support/tracing.js';
import { sharedAuthService, waitFor } from '@paymesh/infra/testing';

describe('one trace from the request through the outbox to the Kafka message', () => {
  const lines: Record<string, unknown>[] = [];
  let service: RunningService;
  let reader: TopicReader;

  before(async () => {
    const topic = await createTestTopic();
    const config = loadPaymentConfig({ ...process.env, PORT: '0', TRANSACTIONS_TOPIC: topic, AUTH_JWKS_URL: (await sharedAuthService()).jwksUrl });
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
        done();
      },
    });
    service = await startService(config, createLogger('payment-service', 'info', sink));
    reader = await readTopic(topic);
  });
  after(async () => {
    await reader.stop();
    await service.stop();
  });

  it('honours the caller\'s traceparent: the same trace id is on the server and database spans, the outbox row, the Kafka header and the log line', async () => {
    const traceId = randomBytes(16).toString('hex');
    const traceparent = `00-${traceId}-${randomBytes(8).toString('hex')}-01`;
    const user = await newUser();

    const created = await paymentApi(service.url, user.token).createTransaction(buildTransaction({ amount: 3 }), undefined);
    const again = await fetch(`${service.url}/transactions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${user.token}`, traceparent },
      body: JSON.stringify(buildTransaction({ amount: 4 })),
    });
    await waitFor('the traced event on the topic', () => reader.records.some((r) => r.headers.traceparent?.includes(traceId) === true));
    const spans = finishedSpans.getFinishedSpans().filter((s) => s.spanContext().traceId === traceId);

    expect(created.status).to.equal(201);
    expect(again.status).to.equal(201);
    const record = reader.records.find((r) => r.headers.traceparent?.includes(traceId))!;
    expect(record.event).to.include({ event_type: 'transaction.created', user_id: user.id, amount: 4 });
    expect(spans.map((s) => s.name)).to.include.members(['POST /transactions']);
    expect(spans.some((s) => s.name.startsWith('pg.query'))).to.equal(true);
    await waitFor('the request log line', () => lines.some((l) => l.trace_id === traceId));
  });
});
