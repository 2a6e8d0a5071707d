import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import { createLogger } from '@paymesh/shared/logger';
import { ensureTopics } from '@paymesh/shared/kafka';
import { scrapeMetrics } from '@paymesh/shared/metrics-scrape';
import { loadInfraConfig } from '../src/config.js';
import { startMesh, type Mesh } from '../src/mesh.js';
import { instancePorts } from '../src/mesh-ports.js';
import { call } from './support/http.js';

interface Health {
  services: { payment: { status: string; instances?: { id: number; status: string; in_rotation: boolean }[] } };
}

const createdOn = async (url: string) => (await scrapeMetrics(url)).value('payment_creates_total', { outcome: 'created' }) ?? 0;

describe('npm start with PAYMENT_INSTANCES=2', function () {
  this.timeout(180_000);
  let mesh: Mesh;
  // A topic of its own, so nothing this test creates reaches anyone else's stats.
  const topic = `instances-transactions-${randomUUID()}`;

  before(async () => {
    const brokers = (process.env.KAFKA_BROKERS ?? 'localhost:9092').split(',');
    await ensureTopics({ brokers, clientId: 'instances-test', logger: createLogger('instances-test', 'warn') }, [{ name: topic, partitions: 3 }]);
    mesh = await startMesh({ ports: 'free', paymentInstances: 2, env: { TRANSACTIONS_TOPIC: topic, AUTH_BCRYPT_COST: '4', LOG_LEVEL: 'warn' } });
  });
  after(async () => {
    await mesh?.stop();
  });

  const signUp = async () => {
    const credentials = { username: `inst_${randomUUID().slice(0, 8)}`, password: 'correct horse battery' };
    const res = await call<{ id: string; token: string }>(`${mesh.urls.gateway}/auth/register`, { body: credentials });
    expect(res.status).to.equal(201);
    return res.body;
  };

  it('runs two supervised payment-services, both ready behind the gateway', async () => {
    const health = await call<Health>(`${mesh.urls.gateway}/health`);

    expect(mesh.paymentInstances.map((instance) => instance.child.pid)).to.have.length(2).and.not.include(undefined);
    expect(new Set(mesh.urls.payments).size).to.equal(2);
    expect(health.status).to.equal(200);
    expect(health.body.services.payment.instances?.map((instance) => [instance.status, instance.in_rotation])).to.deep.equal([['up', true], ['up', true]]);
  });

  it('creates through the gateway, spread over both instances', async () => {
    const user = await signUp();
    const before = await Promise.all(mesh.urls.payments.map(createdOn));

    const answers = await Promise.all(
      Array.from({ length: 8 }, () => call(`${mesh.urls.gateway}/payment/transactions`, { token: user.token, body: { amount: 1.5, description: 'spread' } })),
    );

    expect(answers.map((answer) => answer.status)).to.deep.equal(Array(8).fill(201));
    const after = await Promise.all(mesh.urls.payments.map(createdOn));
    const perInstance = after.map((count, i) => count - before[i]!);
    expect(perInstance.reduce((sum, n) => sum + n, 0)).to.equal(8);
    expect(Math.min(...perInstance)).to.be.at.least(1);
  });

  it('keeps the cap across both instances: 24 parallel creates of 100.00 give exactly 10, and the list totals 1000.00', async () => {
    const user = await signUp();

    const answers = await Promise.all(
      Array.from({ length: 24 }, () => call(`${mesh.urls.gateway}/payment/transactions`, { token: user.token, body: { amount: 100, description: 'cap' } })),
    );

    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 201)).to.have.length(10);
    expect(statuses.filter((status) => status === 422)).to.have.length(14);
    const list = await call<{ amount: number }[]>(`${mesh.urls.gateway}/payment/transactions/list?limit=100`, { token: user.token });
    expect(list.body.reduce((sum, t) => sum + t.amount, 0)).to.equal(1000);
  });
});

describe('mesh configuration (unit)', () => {
  it('puts further instances on the next ports up that the other parts leave free', () => {
    const config = loadInfraConfig({ PAYMENT_INSTANCES: '3' });

    expect(instancePorts(config.PAYMENT_PORT, config.PAYMENT_INSTANCES, [config.GATEWAY_PORT, config.AUTH_PORT, config.ANALYTICS_PORT, config.CLIENT_PORT]))
      .to.deep.equal([8082, 8084, 8085]);
  });

  it('names a part whose port is PAYMENT_PORT', () => {
    const load = () => loadInfraConfig({ PAYMENT_PORT: '8083', ANALYTICS_PORT: '8083' });

    expect(load).to.throw(/ANALYTICS_PORT.*8083 is also PAYMENT_PORT/s);
  });

  it('refuses zero instances, more than 8, and ports past 65535', () => {
    expect(() => loadInfraConfig({ PAYMENT_INSTANCES: '0' })).to.throw(/PAYMENT_INSTANCES/);
    expect(() => loadInfraConfig({ PAYMENT_INSTANCES: '9' })).to.throw(/PAYMENT_INSTANCES/);
    expect(() => loadInfraConfig({ PAYMENT_INSTANCES: '3', PAYMENT_PORT: '65534', ANALYTICS_PORT: '9000' })).to.throw(/past 65535/);
  });
});
