import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import { createLogger } from '@paymesh/shared/logger';
import { ensureTopics } from '@paymesh/shared/kafka';
import { startMesh, type Mesh } from '../src/mesh.js';
import { call, eventually } from './support/http.js';

interface Stats {
  total_transactions: number;
  total_amount: number;
  total_paid_transactions: number;
  events_processed: number;
  unique_users: number;
  last_event_time: string | null;
}

describe('the whole mesh, end to end through the gateway', function () {
  this.timeout(180_000);
  let mesh: Mesh;
  // A topic of its own, so the stats this test reads are exactly what it caused.
  const topic = `e2e-transactions-${randomUUID()}`;

  before(async () => {
    const brokers = (process.env.KAFKA_BROKERS ?? 'localhost:9092').split(',');
    await ensureTopics({ brokers, clientId: 'e2e', logger: createLogger('e2e', 'warn') }, [{ name: topic, partitions: 3 }]);
    mesh = await startMesh({ ports: 'free', env: { TRANSACTIONS_TOPIC: topic, AUTH_BCRYPT_COST: '4', LOG_LEVEL: 'warn' } });
  });

  after(async () => {
    await mesh?.stop();
  });

  it('walks register, login, create, list page by page, pay, and /stats counts every event', async () => {
    const api = mesh.urls.gateway;
    const credentials = { username: `e2e_${randomUUID().slice(0, 8)}`, password: 'correct horse battery' };

    const registered = await call<{ id: string; username: string; token: string }>(`${api}/auth/register`, { body: credentials });
    expect(registered.status).to.equal(201);
    expect(registered.body).to.include({ username: credentials.username });

    const login = await call<{ id: string; token: string }>(`${api}/auth/login`, { body: credentials });
    expect(login.status).to.equal(200);
    expect(login.body.id).to.equal(registered.body.id);
    const token = login.body.token;

    const created = [];
    for (const body of [{ amount: 42.5, description: 'coffee beans' }, { amount: 7.25, description: 'bus ticket' }]) {
      const res = await call<{ id: string; user_id: string; amount: number; is_paid: boolean }>(`${api}/payment/transactions`, { token, body });
      expect(res.status).to.equal(201);
      expect(res.body).to.include({ user_id: registered.body.id, amount: body.amount, is_paid: false });
      created.push(res.body);
    }

    // Page through the list by following the Link header, as a client would, through the gateway.
    const firstPage = await call<{ id: string }[]>(`${api}/payment/transactions/list?limit=1`, { token });
    expect(firstPage.status).to.equal(200);
    const next = /<([^>]+)>;\s*rel="next"/.exec(firstPage.headers.get('link') ?? '')?.[1];
    expect(next, 'Link rel="next"').to.match(/^\/payment\/transactions\/list\?/);
    const secondPage = await call<{ id: string }[]>(new URL(next!, api).toString(), { token });
    expect([...firstPage.body, ...secondPage.body].map((t) => t.id)).to.deep.equal([created[1]!.id, created[0]!.id]);

    const paid = await call<{ transactions_paid: number; amount_paid: number }>(`${api}/payment/transactions/pay`, { token, method: 'POST' });
    expect(paid.status).to.equal(200);
    expect(paid.body).to.include({ transactions_paid: 2, amount_paid: 49.75 });

    const stats = await eventually(
      async () => (await call<Stats>(`${api}/stats`)).body,
      (s) => s.events_processed === 3,
    );
    expect(stats).to.include({ total_transactions: 2, total_amount: 49.75, total_paid_transactions: 2, unique_users: 1 });
    expect(stats.last_event_time).to.be.a('string');
  });

  it('answers bad input at the edge with a JSON 4xx carrying error, code and request_id', async () => {
    const res = await call<{ error: string; code: string; request_id: string }>(`${mesh.urls.gateway}/payment/transactions`, {
      body: { amount: 10, description: 'no token' },
    });
    expect(res.status).to.equal(401);
    expect(res.body.error).to.be.a('string');
    expect(res.body.code).to.be.a('string');
    expect(res.body.request_id).to.equal(res.headers.get('x-request-id'));
  });

  it('reports every upstream ready in the aggregated health', async () => {
    const res = await call<{ status: string; services: Record<string, { status: string }> }>(`${mesh.urls.gateway}/health`);
    expect(res.status).to.equal(200);
    expect(Object.keys(res.body.services)).to.have.members(['auth', 'payment', 'analytics']);
  });
});
