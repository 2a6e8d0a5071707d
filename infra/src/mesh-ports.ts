import { freePort } from './wait-for.js';

export interface MeshPorts {
  gateway: number;
  auth: number;
  /** The first payment-service instance; the others take the ports right after it. */
  payment: number;
  analytics: number;
  client: number;
}

export const DEFAULT_PORTS: MeshPorts = { gateway: 8080, auth: 8081, payment: 8082, analytics: 8083, client: 3000 };

/** Every port the mesh listens on, with one per payment-service instance. */
export interface MeshPortPlan extends MeshPorts {
  payments: number[];
}

/** Consecutive ports from `first`, one per instance: easy to guess, and to open in a firewall. */
export const consecutivePorts = (first: number, count: number) => Array.from({ length: count }, (_, i) => first + i);

/**
 * Fixed ports (npm start), or free ones picked at random (tests and benchmarks, so they coexist
 * with npm start; free payment ports need not be consecutive there).
 */
export async function pickPorts(option: MeshPorts | 'free' | undefined, paymentInstances: number): Promise<MeshPortPlan> {
  if (option !== 'free') {
    const fixed = option ?? DEFAULT_PORTS;
    return { ...fixed, payments: consecutivePorts(fixed.payment, paymentInstances) };
  }
  const [gateway, auth, analytics, client, ...payments] = await Promise.all(Array.from({ length: 4 + paymentInstances }, () => freePort()));
  return { gateway: gateway!, auth: auth!, analytics: analytics!, client: client!, payment: payments[0]!, payments };
}
