import type { z } from 'zod';

/** One event type on a topic: its `event_type` value and the schema producer and consumer validate with. */
export interface PublishedEvent {
  name: string;
  schema: z.ZodType;
}

/**
 * A topic as the document describes it. The event schemas are passed in by whoever builds the
 * document (they live with the Kafka code that enforces them), so this package needs no
 * dependency on that code.
 */
export interface PublishedTopic {
  name: string;
  deadLetter: string;
  events: PublishedEvent[];
}

/** What each event means, for people reading the document. */
export const EVENT_SUMMARIES: Record<string, string> = {
  'transaction.created': 'A transaction was accepted (it counts against the cap from now on).',
  'transaction.paid': 'A pay-all paid up to 1000 transactions; several events sum to one pay-all.',
};

/** `transaction.created` as a component name: `transactionCreated`. */
export const messageId = (eventName: string) => eventName.replace(/[._-](\w)/g, (_, c: string) => c.toUpperCase());
