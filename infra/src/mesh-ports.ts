import { freePort } from './wait-for.js';

export interface MeshPorts {
  gateway: number;
  auth: number;
  /** The first payment-service instance; the others take the next ports up that no other part uses. */
  payment: number;
  analytics: number;
  client: number;
}

export const DEFAULT_PORTS: MeshPorts = { gateway: 8080, auth: 8081, payment: 8082, analytics: 8083, client: 3000 };

/** Every port the mesh listens on, with one per payment-service instance. */
export interface MeshPortPlan extends MeshPorts {
  payments: number[];
}

/**
 * One port per instance: `first`, then the next ports up that no other part of the mesh uses, so
 * `PAYMENT_INSTANCES=2 npm start` works with the default ports (8082, then 8084 past analytics'
 * 8083) and the ports stay easy to guess.
 */
export function instancePorts(first: number, count: number, taken: readonly number[]): number[] {
  const ports: number[] = [];
  for (let port = first; ports.length < count; port += 1) {
    if (port === first || !taken.includes(port)) ports.push(port);
  }
  return ports;
}

const othersOf = (ports: MeshPorts) => [ports.gateway, ports.auth, ports.analytics, ports.client];

/**
 * Fixed ports (npm start), or free ones picked at random (tests and benchmarks, so they coexist
 * with npm start; free payment ports need not be consecutive there).
 */
export async function pickPorts(option: MeshPorts | 'free' | undefined, paymentInstances: number): Promise<MeshPortPlan> {
  if (option !== 'free') {
    const fixed = option ?? DEFAULT_PORTS;
    return { ...fixed, payments: instancePorts(fixed.payment, paymentInstances, othersOf(fixed)) };
  }
  const [gateway, auth, analytics, client, ...payments] = await Promise.all(Array.from({ length: 4 + paymentInstances }, () => freePort()));
  return { gateway: gateway!, auth: auth!, analytics: analytics!, client: client!, payment: payments[0]!, payments };
}
