import type { RunningService as RunningGateway } from '@paymesh/shared/http';
import { startFakeUpstream, type FakeUpstream } from './fake-upstream.js';
import { startGateway } from './gateway.js';
import { call } from './http.js';

interface Health {
  services: Record<string, { status: string; circuit: string; instances?: { id: number; status: string; circuit: string; in_rotation: boolean }[] }>;
}

/** The gateway with analytics served by two instances, probed often and quick to trip, so tests see changes fast. */
export const startBalancedGateway = (first: FakeUpstream, second: FakeUpstream, env: Record<string, string> = {}) =>
  startGateway({
    ANALYTICS_SERVICE_URLS: `${first.url},${second.url}`,
    INSTANCE_CHECK_INTERVAL_MS: '100',
    BREAKER_VOLUME: '3',
    BREAKER_RESET_MS: '300',
    ...env,
  });

export const healthOf = async (gateway: RunningGateway) => (await call<Health>(`${gateway.url}/health`)).body.services;

/** What /health says of each analytics instance, in configuration order. */
export const instancesOf = async (gateway: RunningGateway) => (await healthOf(gateway)).analytics?.instances ?? [];

export interface TwoInstances {
  first: FakeUpstream;
  second: FakeUpstream;
  /** Starts the gateway over both; it is stopped after the test. */
  start(env?: Record<string, string>): Promise<RunningGateway>;
}

/** Registers hooks (call it inside a describe): two fresh instances per test, and everything stopped after it. */
export function useTwoInstances(): TwoInstances {
  let gateway: RunningGateway | undefined;
  const fixture = {
    async start(env: Record<string, string> = {}) {
      gateway = await startBalancedGateway(fixture.first, fixture.second, env);
      return gateway;
    },
  } as TwoInstances;
  beforeEach(async () => {
    [fixture.first, fixture.second] = await Promise.all([startFakeUpstream(), startFakeUpstream()]);
  });
  afterEach(async () => {
    await gateway?.stop();
    gateway = undefined;
    await Promise.all([fixture.first.stop(), fixture.second.stop()]);
  });
  return fixture;
}
