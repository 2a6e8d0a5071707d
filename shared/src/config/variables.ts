import { z } from 'zod';

/** Reusable schemas for the variables several services read the same way. */

export const port = (fallback: number) =>
  z.coerce.number().int('must be a whole number').min(0).max(65535).default(fallback);

/** The interface to listen on: loopback by default, so only the gateway is reachable from outside; 0.0.0.0 in containers. */
export const host = () => z.string().min(1).default('127.0.0.1');

export const logLevel = () =>
  z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info');

export const url = (fallback: string) => z.url().default(fallback);

export const postgresUrl = (fallback: string) =>
  z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL').default(fallback);

/** A comma-separated broker list such as "localhost:9092,localhost:9094". */
export const brokerList = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((value) => value.split(',').map((broker) => broker.trim()).filter(Boolean))
    .pipe(z.array(z.string().regex(/^[^\s:]+:\d+$/, 'each broker must be host:port')).min(1));

export const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);
