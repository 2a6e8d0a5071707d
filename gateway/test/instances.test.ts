import { expect } from 'chai';
import type { ServerResponse } from 'node:http';
import type { RunningService as RunningGateway } from '@paymesh/shared/http';
import { healthOf, instancesOf, useTwoInstances } from './support/balanced-gateway.js';
import { call, json, waitFor } from './support/http.js';

const send = (gateway: RunningGateway, n: number, init?: RequestInit) =>
  Promise.all(Array.from({ length: n }, () => call(`${gateway.url}/analytics/stats`, init)));
const statuses = (answers: { status: number }[]) => answers.map((answer) => answer.status);

describe('an upstream with several instances', () => {
  const t = useTwoInstances();

  it('spreads requests over every instance, in turn under round-robin', async () => {
    const gateway = await t.start({ BALANCE_POLICY: 'round_robin' });

    for (let i = 0; i < 10; i++) expect((await call(`${gateway.url}/analytics/stats`)).status).to.equal(200);

    expect(t.first.seen).to.have.length(5);
    expect(t.second.seen).to.have.length(5);
  });

  it('under least-in-flight, sends to the idle instance while the other is still answering', async () => {
    let release: () => void = () => undefined;
    // Whichever instance gets the first request holds it; every later one is answered at once.
    const holdFirst = (_req: unknown, res: ServerResponse) => {
      if (t.first.seen.length + t.second.seen.length === 1) release = () => res.end('{}');
      else res.end('{}');
    };
    t.first.handle(holdFirst);
    t.second.handle(holdFirst);
    const gateway = await t.start({ BALANCE_POLICY: 'least_in_flight' });
    const slow = call(`${gateway.url}/analytics/stats`);
    await waitFor('the first request to reach an instance', () => Promise.resolve(t.first.seen.length + t.second.seen.length === 1), 5000, 10);
    const [busy, idle] = t.first.seen.length === 1 ? [t.first, t.second] : [t.second, t.first];

    const quick = [];
    for (let i = 0; i < 6; i++) quick.push(await call(`${gateway.url}/analytics/stats`));

    expect(statuses(quick)).to.deep.equal([200, 200, 200, 200, 200, 200]);
    expect(busy.seen).to.have.length(1);
    expect(idle.seen).to.have.length(6);
    release();
    expect((await slow).status).to.equal(200);
  });

  it('when an instance dies, takes it out of rotation and keeps answering from the other; it comes back once ready', async () => {
    const gateway = await t.start();
    await t.first.stop();

    // Bodyless requests refused at connect are sent to the other instance at once.
    expect(statuses(await send(gateway, 6))).to.deep.equal([200, 200, 200, 200, 200, 200]);
    await waitFor('the probe to take the dead instance out', async () => (await instancesOf(gateway))[0]?.in_rotation === false, 5000, 50);
    const served = t.second.seen.length;
    const creates = await send(gateway, 6, json({ amount: 1 }));

    expect(statuses(creates)).to.deep.equal([200, 200, 200, 200, 200, 200]);
    expect(t.second.seen.length - served).to.equal(6);
    expect((await healthOf(gateway)).analytics).to.include({ status: 'up', circuit: 'closed' });

    await t.first.restart();
    await waitFor('the instance to be sent requests again', async () => {
      await send(gateway, 4);
      return t.first.seen.length > 0;
    }, 5000, 100);
    expect((await instancesOf(gateway))[0]).to.include({ status: 'up', circuit: 'closed' });
  });

  it('when an instance refuses a create, answers 502 once and sends the next creates to the other at once', async () => {
    const gateway = await t.start({ BALANCE_POLICY: 'round_robin', INSTANCE_CHECK_INTERVAL_MS: '60000' });
    await t.first.stop();

    const creates = [];
    for (let i = 0; i < 6; i++) creates.push(await call(`${gateway.url}/analytics/stats`, json({ amount: 1 })));

    expect(statuses(creates).filter((status) => status === 502).length).to.be.at.most(1);
    expect(t.second.seen.length).to.be.at.least(5);
    expect((await instancesOf(gateway))[0]).to.include({ in_rotation: false });
  });

  it('never opens an instance breaker on its 500s: one request can cause them, the instance still serves everyone else', async () => {
    t.first.handle((req, res) => res.writeHead(req.url === '/stats/bug' ? 500 : 200, { 'content-type': 'application/json' }).end('{}'));
    const gateway = await t.start({ BALANCE_POLICY: 'round_robin' });

    const bugs = await Promise.all(Array.from({ length: 10 }, () => call(`${gateway.url}/analytics/stats/bug`)));
    const after = await send(gateway, 10);

    expect(statuses(bugs)).to.include(500);
    expect(statuses(after).every((status) => status === 200)).to.equal(true);
    expect(t.first.seen.filter((seen) => seen.url === '/stats')).to.have.length(5);
    expect((await instancesOf(gateway))[0]).to.include({ circuit: 'closed' });
  });

  it('never sends a create to a second instance once the first may have received it', async () => {
    t.first.handle((req) => req.socket.destroy());
    const gateway = await t.start({ BALANCE_POLICY: 'round_robin' });

    const answers = await send(gateway, 2, json({ amount: 1 }));

    expect(statuses(answers).sort()).to.deep.equal([200, 502]);
    expect(t.first.seen).to.have.length(1);
    expect(t.second.seen).to.have.length(1);
  });

  it('when every instance breaker is open, answers 503 UPSTREAM_UNAVAILABLE at once with the request id', async () => {
    const gateway = await t.start();
    await Promise.all([t.first.stop(), t.second.stop()]);

    let refused = await call(`${gateway.url}/analytics/stats`);
    await waitFor('both breakers to open', async () => (refused = await call(`${gateway.url}/analytics/stats`)).status === 503, 5000, 10);

    expect(refused.body).to.include({ code: 'UPSTREAM_UNAVAILABLE', request_id: refused.headers.get('x-request-id') });
    expect((await instancesOf(gateway)).map((instance) => instance.circuit)).to.deep.equal(['open', 'open']);
    expect((await healthOf(gateway)).analytics).to.include({ status: 'down', circuit: 'open' });
  });
});
