import { createRequire } from 'node:module';

/** The part of kafkajs's per-connection request queue this module touches. */
interface RequestQueue {
  pending: unknown[];
  scheduleCheckPendingRequests: (this: RequestQueue) => void;
}

const require = createRequire(import.meta.url);
const PATCHED = Symbol.for('paymesh.kafkajs.idle-request-queue');

/**
 * kafkajs 2.2.4 re-arms a timer after every check of a connection's pending requests, even when
 * nothing is pending and nothing is throttled. The delay it computes is then negative, which
 * Node turns into 1 ms: every broker connection wakes its process a thousand times a second
 * forever. Measured here, an idle producer spent 50 ms of CPU per second (5 % of a core) on it, in
 * every service that talks to Kafka, and Node 24 prints a TimeoutNegativeWarning for it.
 * Upstream: kafkajs issues 1704 and 1751, unreleased.
 *
 * With nothing pending the timer has no work to find: a request that has to wait is queued by
 * push(), which schedules a check itself, and every answer from the broker runs a check. So the
 * queue now skips the timer when nothing is pending, and behaves as before otherwise. The
 * queue is a module internal to kafkajs; a test fails if a new version moves or changes it.
 */
export function stopIdleRequestQueueSpin(): void {
  const RequestQueueClass = require('kafkajs/src/network/requestQueue/index.js') as { prototype: RequestQueue & { [PATCHED]?: true } };
  const proto = RequestQueueClass.prototype;
  if (proto[PATCHED]) return;
  const schedule = proto.scheduleCheckPendingRequests;
  proto.scheduleCheckPendingRequests = function scheduleOnlyWhenPending(this: RequestQueue) {
    if (this.pending.length > 0) schedule.call(this);
  };
  proto[PATCHED] = true;
}
