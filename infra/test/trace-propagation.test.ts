import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import pg from 'pg';
import { createLogger } from '@paymesh/shared/logger';
import { ensureTopics } from '@paymesh/shared/kafka';
import { startMesh, type Mesh } from '../src/mesh.js';
import { call, eventually } from './support/http.js';
import { serviceLogLines } from './support/mesh-logs.js';
import { readTopicWithHeaders, type TopicHeadersReader } from './support/topic-headers.js';

const SERVICES = ['gateway', 'payment-service', 'analytics-service'] as const;
const traceIdOf = (traceparent: string | undefined) => traceparent?.split('-')[1];

describe('a request\'s trace id with no tracing SDK (no OTLP endpoint), across the mesh and Kafka', function () {
  this.timeout(180_000);
  const topic = `trace-transactions-${randomUUID()}`;
  const logDir = mkdtempSync(path.join(tmpdir(), 'paymesh-trace-'));
  let mesh: Mesh;
  let reader: TopicHeadersReader;
  let db: pg.Client;
  let token: string;

  const create = (traceparent: string) =>
    call<{ id: string }>(`${mesh.urls.gateway}/payment/transactions`, { token, body: { amount: 5, description: 'traced' }, headers: { traceparent } });
  const eventOf = async (transactionId: string) =>
    (await eventually(() => Promise.resolve(reader.messages.find((m) => m.value.transaction_id === transactionId)), Boolean))!;
  const linesWith = (service: string, traceId: string) => serviceLogLines(logDir, service).filter((line) => line.trace_id === traceId);

  before(async () => {
    const brokers = (process.env.KAFKA_BROKERS ?? 'localhost:9092').split(',');
    await ensureTopics({ brokers, clientId: 'trace-test', logger: createLogger('trace-test', 'warn') }, [{ name: topic, partitions: 3 }]);
    mesh = await startMesh({ ports: 'free', logDir, env: { TRANSACTIONS_TOPIC: topic, AUTH_BCRYPT_COST: '4', LOG_LEVEL: 'info', OTEL_EXPORTER_OTLP_ENDPOINT: '' } });
    reader = await readTopicWithHeaders(mesh.infra.brokers, topic);
    db = new pg.Client({ connectionString: mesh.infra.databaseUrls.payment });
    await db.connect();
    const credentials = { username: `trace_${randomUUID().slice(0, 8)}`, password: 'correct horse battery' };
    token = (await call<{ token: string }>(`${mesh.urls.gateway}/auth/register`, { body: credentials })).body.token;
  });

  after(async () => {
    await reader?.stop();
    await db?.end();
    await mesh?.stop();
  });

  it('when the caller sends a sampled traceparent, its trace id is on the outbox row, the Kafka event, and the gateway, payment and analytics log lines', async () => {
    const traceId = randomBytes(16).toString('hex');
    const callerSpanId = randomBytes(8).toString('hex');

    const created = await create(`00-${traceId}-${callerSpanId}-01`);
    const event = await eventOf(created.body.id);
    const outbox = await db.query<{ traceparent: string | null }>(`select traceparent from outbox where payload->>'transaction_id' = $1`, [created.body.id]);
    await eventually(() => Promise.resolve(SERVICES.map((service) => linesWith(service, traceId).length)), (counts) => counts.every((n) => n > 0));

    expect(created.status).to.equal(201);
    expect(traceIdOf(event.headers.traceparent)).to.equal(traceId);
    expect(event.headers.traceparent).to.match(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/).and.not.include(callerSpanId);
    expect(outbox.rows[0]?.traceparent).to.equal(event.headers.traceparent);
    expect(linesWith('gateway', traceId).map((l) => l.msg)).to.include('request completed');
    expect(linesWith('payment-service', traceId).map((l) => l.msg)).to.include('request completed');
    expect(linesWith('analytics-service', traceId)[0]).to.include({ msg: 'folded a traced event', event_type: 'transaction.created' });
  });

  it('when the traceparent is malformed, answers as usual and continues a new trace from the gateway, never the malformed id', async () => {
    const malformedId = randomBytes(16).toString('hex');

    const created = await create(`ff-${malformedId}-${randomBytes(8).toString('hex')}-01`);
    const event = await eventOf(created.body.id);
    const traceId = traceIdOf(event.headers.traceparent)!;
    await eventually(() => Promise.resolve(linesWith('payment-service', traceId).length), (n) => n > 0);

    expect(created.status).to.equal(201);
    expect(event.headers.traceparent).to.match(/^00-[0-9a-f]{32}-[0-9a-f]{16}-00$/);
    expect(traceId).to.not.equal(malformedId);
    expect(linesWith('gateway', traceId).map((l) => l.msg)).to.include('request completed');
    for (const service of SERVICES) expect(JSON.stringify(serviceLogLines(logDir, service))).to.not.include(malformedId);
  });
});
