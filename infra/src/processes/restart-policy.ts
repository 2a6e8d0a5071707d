/**
 * When to bring a crashed process back, and when to stop trying. A process that crashes once
 * (an OOM kill, a broker that vanished at the wrong moment) comes back quickly; one that keeps
 * crashing waits longer each time, so a crash loop does not eat the machine; and one that
 * crashes `maxCrashes` times within `windowMs` is broken, not unlucky: we give up and say so.
 */
export interface RestartPolicy {
  initialDelayMs: number;
  maxDelayMs: number;
  maxCrashes: number;
  windowMs: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicy = { initialDelayMs: 1_000, maxDelayMs: 16_000, maxCrashes: 5, windowMs: 60_000 };

export type RestartVerdict = { giveUp: false; delayMs: number; recentCrashes: number } | { giveUp: true; recentCrashes: number };

/** Remembers crash times and answers, for each new crash, how long to wait or whether to give up. */
export function createCrashLog(policy: RestartPolicy = DEFAULT_RESTART_POLICY) {
  let crashes: number[] = [];
  return {
    record(now: number): RestartVerdict {
      crashes = [...crashes.filter((at) => now - at < policy.windowMs), now];
      const recentCrashes = crashes.length;
      if (recentCrashes >= policy.maxCrashes) return { giveUp: true, recentCrashes };
      // Only crashes inside the window count, so a process that has run quietly for a while starts again from the short delay.
      const delayMs = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** (recentCrashes - 1));
      return { giveUp: false, delayMs, recentCrashes };
    },
  };
}
