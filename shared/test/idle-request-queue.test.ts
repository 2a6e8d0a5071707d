import { expect } from 'chai';
import { createRequire } from 'node:module';
import pino from 'pino';
import { kafkaClient } from '../src/kafka/connection.js';

interface Queue {
  pending: unknown[];
  throttledUntil: number;
  throttleCheckTimeoutId: NodeJS.Timeout | null;
  checkPendingRequests(): void;
  scheduleCheckPendingRequests(): void;
  destroy(): void;
}
type QueueClass = new (options: Record<string, unknown>) => Queue;

const require = createRequire(import.meta.url);
const silent = { debug() {}, info() {}, warn() {}, error() {} };

function newQueue(): Queue {
  // Built as kafkajs builds one per broker connection, with no connection behind it.
  const RequestQueue = require('kafkajs/src/network/requestQueue/index.js') as QueueClass;
  return new RequestQueue({ maxInFlightRequests: null, requestTimeout: 30_000, enforceRequestTimeout: false, clientId: 'test', broker: 'localhost:0', logger: silent });
}

describe("kafkajs's request queue once a Kafka client is made through kafkaClient", () => {
  before(() => {
    kafkaClient({ brokers: ['localhost:0'], clientId: 'idle-queue-test', logger: pino({ level: 'silent' }) });
  });

  it('arms no timer after a check that found nothing pending (it used to re-arm one every millisecond)', () => {
    const queue = newQueue();

    queue.checkPendingRequests();

    expect(queue.throttleCheckTimeoutId).to.equal(null);
  });

  it('still schedules a check when a request waits, throttled or not', () => {
    const queue = newQueue();
    queue.throttledUntil = Date.now() + 60_000;
    queue.pending.push({});

    queue.scheduleCheckPendingRequests();
    const armed = queue.throttleCheckTimeoutId;
    queue.destroy();

    expect(armed).to.not.equal(null);
  });
});
