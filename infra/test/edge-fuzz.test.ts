import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { createLogger } from '@paymesh/shared/logger';
import { ensureTopics } from '@paymesh/shared/kafka';
import { startMesh, type Mesh } from '../src/mesh.js';
import { describeRequest, fuzzRequest, toWire, type FuzzTargets } from './fuzz/edge-requests.js';
import { exchange, type RawAnswer } from './fuzz/raw-exchange.js';
import { call, eventually } from './support/http.js';

/** `npm test` runs a quick pass; `npm run fuzz` sets FUZZ_RUNS for a long one (and FUZZ_SEED to replay). */
const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);

/** What a client is promised: never a 5xx, and every 4xx in our error shape. */
function brokenPromise(answer: RawAnswer, method: string): string | undefined {
  if (answer.status >= 500) return `answered ${answer.status}`;
  if (answer.status < 400 || method === 'HEAD') return undefined;
  if (!/^application\/json/.test(answer.headers['content-type'] ?? '')) return `a ${answer.status} that is not JSON`;
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(answer.body.toString('utf8')) as Record<string, unknown>;
  } catch {
    return `a ${answer.status} whose body does not parse`;
  }
  const missing = ['error', 'code', 'request_id'].filter((field) => typeof body[field] !== 'string');
  return missing.length ? `a ${answer.status} without ${missing.join(', ')}` : undefined;
}

describe('the edge under generated requests (fuzz, through the gateway of a running mesh)', function () {
  this.timeout(600_000);
  let mesh: Mesh;
  let victim: { token: string; id: string; username: string };
  let targets: FuzzTargets;
  const topic = `fuzz-transactions-${randomUUID()}`;

  const victimData = async () => ({
    transactions: (await call(`${mesh.urls.gateway}/payment/transactions/list?limit=100`, { token: victim.token })).body,
    stats: (await call(`${mesh.urls.gateway}/analytics/stats/me`, { token: victim.token })).body,
  });
  let snapshot: Awaited<ReturnType<typeof victimData>>;

  before(async () => {
    const brokers = (process.env.KAFKA_BROKERS ?? 'localhost:9092').split(',');
    await ensureTopics({ brokers, clientId: 'fuzz', logger: createLogger('fuzz', 'warn') }, [{ name: topic, partitions: 3 }]);
    // The per-client limits would turn most generated requests into 429s before they reach a service.
    const limitsOff = Object.fromEntries(
      ['RATE_LIMIT_PER_IP', 'RATE_LIMIT_PER_USER', 'RATE_LIMIT_LOGIN_PER_IP', 'RATE_LIMIT_LOGIN_PER_USERNAME', 'RATE_LIMIT_REGISTER_PER_IP', 'RATE_LIMIT_HEALTH_PER_IP'].map((name) => [name, '0']),
    );
    mesh = await startMesh({ ports: 'free', env: { TRANSACTIONS_TOPIC: topic, AUTH_BCRYPT_COST: '4', LOG_LEVEL: 'warn', ...limitsOff } });
    const api = mesh.urls.gateway;
    const register = async (username: string) =>
      (await call<{ id: string; token: string }>(`${api}/auth/register`, { body: { username, password: 'correct horse battery' } })).body;
    const victimName = `victim_${randomUUID().slice(0, 8)}`;
    const registered = await register(victimName);
    victim = { ...registered, username: victimName };
    const attacker = await register(`attacker_${randomUUID().slice(0, 8)}`);
    targets = { attackerToken: attacker.token, victimId: victim.id, victimName };
    for (const body of [{ amount: 12.5, description: 'groceries' }, { amount: 3, description: 'bus' }]) {
      expect((await call(`${api}/payment/transactions`, { token: victim.token, body })).status).to.equal(201);
    }
    await eventually(victimData, (data) => (data.stats as { total_transactions?: number }).total_transactions === 2);
    snapshot = await victimData();
  });

  after(async () => {
    await mesh?.stop();
  });

  it(`never answers 5xx and answers every 4xx as {error, code, request_id} (${RUNS} generated requests)`, async () => {
    await fc.assert(
      fc.asyncProperty(fuzzRequest(targets), async (request) => {
        const answer = await exchange(mesh.urls.gateway, toWire(request));
        const broken = brokenPromise(answer, request.method);
        if (broken) throw new Error(`${broken}: ${describeRequest(request)} -> ${answer.body.toString('utf8').slice(0, 300)}`);
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
  });

  it("leaves the victim's transactions and stats exactly as they were", async () => {
    const after = await victimData();

    expect(after).to.deep.equal(snapshot);
  });
});
