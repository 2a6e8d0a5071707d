import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadConfig, port } from '@paymesh/shared/config';
import { toCents } from '@paymesh/shared/money';
import { dataDir } from '@paymesh/infra/stack';

/**
 * The campaign's own broker and database live on these ports, never on the shared 9092/9093/5432:
 * a campaign kills its broker and database, and must never touch anyone else's.
 */
const envSchema = z.object({
  CHAOS_KAFKA_PORT: port(29092),
  CHAOS_KAFKA_CONTROLLER_PORT: port(29093),
  CHAOS_PG_PORT: port(25432),
});

const SHARED_PORTS = new Set([9092, 9093, 5432]);

export interface ChaosConfig {
  seed: number;
  /** How long faults are injected; setup, recovery and checks come on top. */
  faultMs: number;
  /** Quick mode: exactly this many rounds of every kind of fault, however long they take. */
  rounds?: number;
  /** Users working at the same time. */
  concurrency: number;
  /** Time between two fault injections, as [min, max] ms. */
  gapMs: [number, number];
  /** The share of faults injected alone, with nothing else broken. */
  soloShare: number;
  ports: { kafka: number; kafkaController: number; postgres: number };
  /** Everything a run writes: its broker and database, service logs, the history. */
  workDir: string;
  /** The most a user's transactions may add up to: given to payment-service as MAX_USER_TOTAL, and checked. */
  cap: { text: string; cents: number };
}

const CAP = '1000.00';

export function loadChaosConfig(argv = process.argv.slice(2), env: NodeJS.ProcessEnv = process.env): ChaosConfig {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      seed: { type: 'string' },
      minutes: { type: 'string' },
      users: { type: 'string' },
    },
  });
  const numbers = z.object({
    seed: z.coerce.number().int().min(0).max(2 ** 31 - 1).default(() => Math.floor(Math.random() * 2 ** 31)),
    minutes: z.coerce.number().positive().max(24 * 60).optional(),
    users: z.coerce.number().int().min(1).max(64).optional(),
  });
  const parsed = numbers.safeParse(values);
  if (!parsed.success) throw new Error(`bad arguments: ${parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const { seed, minutes, users } = parsed.data;
  const ports = loadConfig(envSchema, env);
  const chosen = { kafka: ports.CHAOS_KAFKA_PORT, kafkaController: ports.CHAOS_KAFKA_CONTROLLER_PORT, postgres: ports.CHAOS_PG_PORT };
  const shared = Object.values(chosen).filter((p) => SHARED_PORTS.has(p));
  if (shared.length > 0) throw new Error(`port ${shared.join(', ')} belongs to the shared broker or database; a chaos campaign kills its own`);
  return {
    seed,
    // Quick: two rounds of every kind of fault, close together, so CI sees each kind twice.
    faultMs: minutes !== undefined ? Math.round(minutes * 60_000) : values.quick ? Infinity : 20 * 60_000,
    ...(values.quick && minutes === undefined ? { rounds: 2 } : {}),
    concurrency: users ?? (values.quick ? 6 : 10),
    gapMs: values.quick ? [1_000, 3_000] : [2_000, 6_000],
    soloShare: values.quick ? 0.1 : 0.25,
    ports: chosen,
    workDir: path.join(dataDir, 'chaos'),
    cap: { text: CAP, cents: toCents(Number(CAP))! },
  };
}
