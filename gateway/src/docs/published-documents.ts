import { buildAsyncApiDocument } from '@paymesh/contract/asyncapi';
import { buildOpenApiDocument } from '@paymesh/contract/openapi';
import type { PublishedDocuments } from './docs.routes.js';

let built: PublishedDocuments | undefined;

/**
 * The contract's documents, generated from the same schemas the services validate with. They are
 * the same for every app this process builds, so they are generated once, on first use.
 */
export function publishedDocuments(): PublishedDocuments {
  built ??= { openapi: buildOpenApiDocument(), asyncapi: buildAsyncApiDocument() };
  return built;
}
