import { z } from 'zod';
import { request } from '@/lib/api-client';

const serviceSchema = z.looseObject({
  status: z.enum(['up', 'down']),
  latency_ms: z.number(),
  circuit: z.string(),
  error: z.string().optional(),
  // Only for a service the gateway balances over several instances.
  instances: z
    .array(z.looseObject({ id: z.number(), status: z.enum(['up', 'down']), circuit: z.string(), in_rotation: z.boolean() }))
    .optional(),
});

// Loose: the gateway may add figures, and this screen must keep working when it does.
export const opsSummarySchema = z.looseObject({
  status: z.enum(['ok', 'degraded']),
  checked_at: z.string(),
  services: z.looseObject({
    auth: serviceSchema,
    payment: serviceSchema.extend({ outbox: z.object({ unsent: z.number(), oldest_unsent_age_s: z.number() }).optional() }),
    analytics: serviceSchema.extend({ consumer: z.object({ lag: z.number(), caught_up: z.boolean() }).optional() }),
  }),
});
export type OpsSummary = z.infer<typeof opsSummarySchema>;
export type ServiceName = keyof OpsSummary['services'];

export async function fetchOpsSummary(signal?: AbortSignal): Promise<OpsSummary> {
  return (await request('/ops', { schema: opsSummarySchema, signal })).data;
}

export const opsKeys = { summary: ['ops', 'summary'] as const };
