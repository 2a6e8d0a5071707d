import { createDocument } from 'zod-openapi';
import { API_VERSION, VERSIONING_POLICY } from '../versioning/index.js';
import { analyticsPaths } from './paths/analytics.paths.js';
import { authPaths } from './paths/auth.paths.js';
import { gatewayPaths } from './paths/gateway.paths.js';
import { paymentPaths } from './paths/payment.paths.js';
import { securitySchemes } from './responses.js';

const DESCRIPTION = `paymesh through its gateway, the only public entry. Sign up, spend up to the cap, pay, and watch the stats.

**Errors.** Every error is JSON \`{error, code, request_id, ...}\`: \`error\` for people, \`code\` (stable) for programs, \`request_id\` to find the request in the logs (also the \`X-Request-Id\` header). Bad input gets a 4xx and changes nothing. Each operation lists, per status, the codes it can answer with.

**Limits.** Requests are limited per client and per user (429 \`RATE_LIMITED\` with \`Retry-After\`); JSON bodies are at most 64 kB of UTF-8, uncompressed, at most 32 levels deep; paths have one canonical spelling.

**Events.** The Kafka topics are described by the AsyncAPI document at \`/asyncapi.json\`.

${VERSIONING_POLICY}`;

/** The OpenAPI 3.1 document of the public API, generated from the contract's zod schemas. */
export function buildOpenApiDocument() {
  return createDocument({
    openapi: '3.1.0',
    info: { title: 'paymesh API', version: API_VERSION, description: DESCRIPTION },
    servers: [{ url: '/', description: 'The gateway that serves this document' }],
    tags: [
      { name: 'auth', description: 'Accounts and tokens (auth-service)' },
      { name: 'payment', description: 'Transactions, the cap and paying (payment-service)' },
      { name: 'analytics', description: 'Stats folded from the events (analytics-service)' },
      { name: 'mesh', description: 'Health and operations, answered by the gateway' },
      { name: 'documents', description: 'The published contract' },
    ],
    components: { securitySchemes },
    paths: { ...authPaths, ...paymentPaths, ...analyticsPaths, ...gatewayPaths },
  });
}
