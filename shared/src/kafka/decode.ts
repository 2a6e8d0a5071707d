import type { TopicContract } from '../events/index.js';

/** Why a message was refused, or the event it carries. Used by replayTopic on every message. */
export function decode<E>(contract: TopicContract<E>, value: Buffer | null): { event: E } | { reason: string } {
  if (!value) return { reason: 'empty message' };
  let json: unknown;
  try {
    json = JSON.parse(value.toString('utf8'));
  } catch {
    return { reason: 'invalid JSON' };
  }
  const result = contract.schema.safeParse(json);
  if (result.success) return { event: result.data };
  const [first] = result.error.issues;
  // A discriminated union reports an unknown type as a bad discriminator: say so plainly, an
  // operator reading the dead-letter topic looks for "unknown event_type" first.
  if (first?.code === 'invalid_union' && 'discriminator' in first) {
    const field = String(first.discriminator);
    const value = (json as Record<string, unknown>)[field];
    return { reason: `unknown ${field}: ${JSON.stringify(value) ?? 'missing'}` };
  }
  return { reason: `schema violation: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}` };
}
