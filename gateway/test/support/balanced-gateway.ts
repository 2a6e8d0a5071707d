import type { RunningService as RunningGateway } from '@paymesh/shared/http';
import type { FakeUpstream } from './fake-upstream.js';
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
