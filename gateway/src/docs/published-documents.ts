import { buildAsyncApiDocument, type PublishedTopic } from '@paymesh/contract/asyncapi';
import { buildOpenApiDocument } from '@paymesh/contract/openapi';
import { transactionEventSchema, transactionsTopic } from '@paymesh/shared/events';
import type { PublishedDocuments } from './docs.routes.js';

/** The `transactions` topic with every event type its schema accepts, so a new event type is documented by adding it there. */
export const publishedTransactionsTopic = (): PublishedTopic => ({
  name: transactionsTopic.name,
  deadLetter: transactionsTopic.deadLetter,
  events: transactionEventSchema.options.map((schema) => ({ name: schema.shape.event_type.value, schema })),
});

let built: PublishedDocuments | undefined;

/**
 * The contract's documents, generated from the same schemas the services and the Kafka code
 * validate with. They are the same for every app this process builds, so they are generated
 * once, on first use.
 */
export function publishedDocuments(): PublishedDocuments {
  built ??= { openapi: buildOpenApiDocument(), asyncapi: buildAsyncApiDocument(publishedTransactionsTopic()) };
  return built;
}
