import { setTimeout as sleep } from 'node:timers/promises';
import type { Random } from '../random.js';
import type { History, Operation, OperationKind } from './history.js';
import { outcomeOf, sendWithRetries, type ClientOptions, type Request } from './retrying-client.js';
import { registerUser, type User } from './users.js';

export interface WorkloadOptions {
  gatewayUrl: string;
  history: History;
  random: (worker: number) => Random;
  concurrency: number;
  /** A prefix for usernames and descriptions, unique to the run. */
  runId: string;
  client: Omit<ClientOptions, 'baseUrl' | 'keepBody'>;
}

export interface Workload {
  /** Starts no new operation; resolves once every one under way has ended (its retries too). */
  stop(): Promise<void>;
  readonly usersRegistered: number;
}

/** After this many refusals at the cap a user is done, and the worker carries on as someone new. */
const REFUSALS_PER_USER = 2;

/**
 * Users working at once, each doing what a person at the cap would: creates of 50-300 (so
 * the cap of 1000 is reached after a few and then refused), "pay all", list and stats
 * reads, and now and then the same write again with its key, as a client that lost the answer does.
 */
export function startWorkload(o: WorkloadOptions): Workload {
  let stopping = false;
  let users = 0;

  async function perform(kind: OperationKind, user: User, request: Request, extra: Partial<Operation> = {}) {
    const id = o.history.nextId();
    const keepBody = kind === 'create' || kind === 'pay' || kind === 'replay';
    const attempts = await sendWithRetries({ ...request, token: user.token }, { ...o.client, baseUrl: o.gatewayUrl, keepBody });
    const last = attempts.at(-1)!;
    const outcome = outcomeOf(last);
    const operation: Operation = { id, kind, user: user.id, attempts, outcome, ...extra };
    if (last.status !== undefined) Object.assign(operation, { status: last.status, body: last.body });
    o.history.record(operation);
    return operation;
  }

  async function work(worker: number) {
    const random = o.random(worker);
    const done: Operation[] = [];
    for (let generation = 0; !stopping; generation++) {
      let user: User;
      try {
        user = await registerUser(`${o.runId}_${worker}_${generation}`, { ...o.client, baseUrl: o.gatewayUrl, keepBody: true });
      } catch {
        // No account after a whole retry budget: the mesh is down for longer; try as someone new shortly.
        await sleep(1_000);
        continue;
      }
      users++;
      let refusals = 0;
      while (!stopping && refusals < REFUSALS_PER_USER) {
        const roll = random.int(0, 99);
        const earlier = done.filter((op) => op.user === user.id && op.outcome !== 'unknown' && op.key);
        if (roll < 55) {
          const key = `${o.runId}-${worker}-${o.history.nextId()}`;
          const body = { amount: random.int(5_000, 30_000) / 100, description: `chaos ${key}` };
          const op = await perform('create', user, { method: 'POST', path: '/payment/transactions', idempotencyKey: key, body }, { key, request: body });
          if (op.status === 422) refusals++;
          done.push(op);
        } else if (roll < 65) {
          const key = `${o.runId}-${worker}-pay-${o.history.nextId()}`;
          done.push(await perform('pay', user, { method: 'POST', path: '/payment/transactions/pay', idempotencyKey: key }, { key }));
        } else if (roll < 80) {
          await perform('list', user, { method: 'GET', path: '/payment/transactions/list?limit=20' });
        } else if (roll < 90) {
          await perform('stats', user, { method: 'GET', path: '/stats' });
        } else if (earlier.length > 0) {
          const first = random.pick(earlier);
          const path = first.kind === 'pay' ? '/payment/transactions/pay' : '/payment/transactions';
          await perform('replay', user, { method: 'POST', path, idempotencyKey: first.key!, body: first.request }, { key: first.key!, replayOf: first.id });
        }
        await sleep(random.int(20, 120));
      }
    }
  }

  const workers = Array.from({ length: o.concurrency }, (_, worker) => work(worker));
  const all = Promise.allSettled(workers);
  return {
    get usersRegistered() {
      return users;
    },
    async stop() {
      stopping = true;
      const results = await all;
      const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failed) throw failed.reason as Error;
    },
  };
}
