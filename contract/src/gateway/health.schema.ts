import { z } from 'zod';

const health = {
  status: z.enum(['up', 'down']),
  latency_ms: z.number().nonnegative(),
  circuit: z.enum(['closed', 'open', 'half_open']),
  error: z.string().optional().meta({ description: 'Why it is down' }),
};

/** One instance of a service the gateway balances over several; `id` is its place in the configuration, never its address. */
const instanceHealthSchema = z.looseObject({
  id: z.number().int().positive(),
  ...health,
  in_rotation: z.boolean().meta({ description: "Whether the gateway's own periodic probe still sends it requests" }),
});

/**
 * One upstream as the gateway sees it: its readiness, how long asking took, and its circuit
 * breaker; with several instances, up while any one is ready, and each instance listed.
 */
export const serviceHealthSchema = z
  .looseObject({ ...health, instances: z.array(instanceHealthSchema).optional() })
  .meta({ id: 'ServiceHealth' });

/** `GET /health`: 200 with `ok` only when every upstream is ready, else 503 with `degraded`. */
export const meshHealthSchema = z
  .looseObject({
    status: z.enum(['ok', 'degraded']),
    service: z.literal('gateway'),
    services: z.looseObject({ auth: serviceHealthSchema, payment: serviceHealthSchema, analytics: serviceHealthSchema }),
  })
  .meta({ id: 'MeshHealth' });

const outboxSchema = z.object({ unsent: z.number().int().nonnegative(), oldest_unsent_age_s: z.number().nonnegative() });
const consumerSchema = z.object({ lag: z.number().int().nonnegative(), caught_up: z.boolean() });

/**
 * `GET /ops`: `/health`'s services plus how far behind the outbox relay and the analytics
 * consumer are; always 200, cached 2 s. A figure that could not be read is left out, not 0.
 */
export const opsSummarySchema = z
  .looseObject({
    status: z.enum(['ok', 'degraded']),
    checked_at: z.iso.datetime(),
    services: z.looseObject({
      auth: serviceHealthSchema,
      payment: serviceHealthSchema.extend({ outbox: outboxSchema.optional() }),
      analytics: serviceHealthSchema.extend({ consumer: consumerSchema.optional() }),
    }),
  })
  .meta({ id: 'OpsSummary' });

export type ServiceHealth = z.infer<typeof serviceHealthSchema>;
export type MeshHealth = z.infer<typeof meshHealthSchema>;
export type OpsSummary = z.infer<typeof opsSummarySchema>;
