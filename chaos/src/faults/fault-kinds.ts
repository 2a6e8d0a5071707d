import type { Mesh, MeshService } from '@paymesh/infra/stack';
import type { TcpProxy } from '@paymesh/infra/net';
import type { OwnInfra } from '../infra/own-infra.js';

/** What a fault acts on: two faults on one target never run at once (a second cut of a cut link means nothing). */
export interface FaultTarget {
  mesh: Mesh;
  infra: OwnInfra;
  /** payment-service reaches its database and the broker through these. */
  proxies: { postgres: TcpProxy; kafka: TcpProxy };
}

export interface ActiveFault {
  /** Ends the fault (restart, reconnect, resume); for a kill there is nothing to do, the supervisor heals it. */
  heal(): Promise<void>;
  /** Extra condition for recovery beyond the mesh answering again, e.g. the killed process was replaced. */
  replaced?(): boolean;
}

export interface FaultKind {
  name: string;
  target: string;
  /** How long the fault is held before heal(), in ms, as [min, max]; [0, 0] for an instant fault. */
  hold: [number, number];
  inject(t: FaultTarget, param: number): Promise<ActiveFault>;
}

function service(t: FaultTarget, name: MeshService) {
  const running = t.mesh.services[name];
  if (!running) throw new Error(`${name} is not part of this mesh`);
  return running;
}

const kill = (name: MeshService): FaultKind => ({
  name: `SIGKILL ${name}`,
  target: name,
  hold: [0, 0],
  inject(t) {
    const running = service(t, name);
    const before = running.restarts;
    running.child.kill('SIGKILL');
    return Promise.resolve({ heal: () => Promise.resolve(), replaced: () => running.restarts > before });
  },
});

/** SIGSTOP freezes the process with its sockets open: to its peers it is a half-open connection that never answers. */
const pause = (name: MeshService): FaultKind => ({
  name: `SIGSTOP ${name}`,
  target: name,
  hold: [2_000, 8_000],
  inject(t) {
    const child = service(t, name).child;
    child.kill('SIGSTOP');
    return Promise.resolve({ heal: () => Promise.resolve(void child.kill('SIGCONT')) });
  },
});

const cut = (link: keyof FaultTarget['proxies'], label: string): FaultKind => ({
  name: `cut payment-service → ${label}`,
  target: `cut ${link}`,
  hold: [2_000, 8_000],
  async inject(t) {
    await t.proxies[link].cut();
    return { heal: () => t.proxies[link].restore() };
  },
});

/** `param` is the added delay per chunk each way, 100-1000 ms. */
const slow = (link: keyof FaultTarget['proxies'], label: string): FaultKind => ({
  name: `latency payment-service → ${label}`,
  target: `slow ${link}`,
  hold: [3_000, 10_000],
  inject(t, param) {
    t.proxies[link].setLatency(100 + (param % 900));
    return Promise.resolve({ heal: () => Promise.resolve(t.proxies[link].setLatency(0)) });
  },
});

export const FAULT_KINDS: FaultKind[] = [
  kill('payment-service'),
  kill('analytics-service'),
  kill('auth-service'),
  kill('gateway'),
  {
    name: 'SIGKILL kafka',
    target: 'kafka',
    hold: [2_000, 8_000],
    async inject(t) {
      await t.infra.kafka.kill();
      return { heal: () => t.infra.kafka.restart() };
    },
  },
  {
    name: 'immediate stop postgres',
    target: 'postgres',
    hold: [1_000, 5_000],
    async inject(t) {
      await t.infra.postgres.stopImmediately();
      return { heal: () => t.infra.postgres.restart() };
    },
  },
  cut('postgres', 'postgres'),
  slow('postgres', 'postgres'),
  cut('kafka', 'kafka'),
  slow('kafka', 'kafka'),
  pause('payment-service'),
  pause('analytics-service'),
];
