import pg from 'pg';
import { ensureInfra, loadInfraConfig } from '@paymesh/infra/stack';
import { createTopic, deleteTopic } from '../lib/kafka-tools.js';
import { startLoneService } from '../lib/lone-service.js';
import { percentile } from '../lib/stats.js';
import { watchTopic } from '../lib/topic-watch.js';
import { registerUsers } from '../lib/users.js';

/**
 * Experiment behind B4's analysis: the floor of the commit-to-Kafka path. One create at a time
 * straight at a lone payment-service (no gateway, no concurrency), timing, relative to the 201:
 * the NOTIFY the commit sends (our own LISTEN), the relay's send (the message's CreateTime) and
 * a consumer receiving it. `npx tsx bench/src/experiments/relay-floor.ts [creates=120]`
 */
const creates = Number(process.argv[2] ?? 120);
const infra = await ensureInfra(loadInfraConfig(), () => undefined);
const topic = `bench.relay.${Date.now()}`;
await createTopic(infra.brokers, topic, 6);
const auth = await startLoneService('auth-service', { AUTH_DATABASE_URL: infra.databaseUrls.auth, AUTH_BCRYPT_COST: '4' });
const payment = await startLoneService('payment-service', {
  PAYMENT_DATABASE_URL: infra.databaseUrls.payment,
  KAFKA_BROKERS: infra.brokers.join(','),
  TRANSACTIONS_TOPIC: topic,
  AUTH_JWKS_URL: `${auth.url}/.well-known/jwks.json`,
});
const listener = new pg.Client({ connectionString: infra.databaseUrls.payment });
await listener.connect();
let lastNotify: number | undefined;
listener.on('notification', (m) => {
  if (m.payload === topic) lastNotify = performance.now();
});
await listener.query('listen payment_outbox');
const watch = await watchTopic(infra.brokers, topic);
const [user] = await registerUsers(auth.url, 1, 'relay');
const rows: { response: number; notify: number; send: number; seen: number }[] = [];
try {
  for (let i = 0; i < creates; i += 1) {
    const begun = performance.now();
    lastNotify = undefined;
    const res = await fetch(`${payment.url}/transactions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${user!.token}` },
      body: JSON.stringify({ amount: 0.01, description: 'relay floor' }),
    });
    const answered = performance.now();
    const { id } = (await res.json()) as { id: string };
    const deadline = performance.now() + 2000;
    while (!watch.arrivals.has(id) && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 2));
    const arrival = watch.arrivals.get(id);
    // The first creates warm the JIT and the producer up; they are not counted.
    if (i >= 20 && arrival && lastNotify !== undefined) {
      rows.push({ response: answered - begun, notify: lastNotify - answered, send: arrival.sentAt - answered, seen: arrival.at - answered });
    }
    await new Promise((resolve) => setTimeout(resolve, 30));
  }
} finally {
  await watch.stop();
  await listener.end();
  await payment.stop();
  await auth.stop();
  await deleteTopic(infra.brokers, topic);
  await infra.stop();
}
const show = (k: keyof (typeof rows)[number]) => `${k} p50 ${percentile(rows.map((r) => r[k]), 50).toFixed(1)} / p90 ${percentile(rows.map((r) => r[k]), 90).toFixed(1)}`;
console.log(`${rows.length} sequential creates; ms relative to the 201 (response: request to 201):`);
console.log([show('response'), show('notify'), show('send'), show('seen')].join(' | '));
