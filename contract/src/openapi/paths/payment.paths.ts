import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { capExceededDetailsSchema, errorBodyWith } from '../../errors/index.js';
import {
  DEFAULT_MAX_USER_TOTAL,
  createTransactionRequestSchema,
  listTransactionsQuerySchema,
  payAllResultSchema,
  paymentLimitsSchema,
  transactionPageSchema,
  transactionSchema,
} from '../../payment/index.js';
import { BEARER, DATABASE, EDGE, JSON_BODY, UPSTREAM } from '../code-groups.js';
import { errorResponses } from '../error-responses.js';
import { idempotencyKeyParams, idempotentReplayedHeader, linkHeader } from '../headers.js';
import { bearer, jsonAnswer } from '../responses.js';

const tags = ['payment'];
const IDEMPOTENT = ['INVALID_IDEMPOTENCY_KEY', 'IDEMPOTENCY_KEY_IN_FLIGHT', 'IDEMPOTENCY_KEY_TAKEN_OVER', 'IDEMPOTENCY_KEY_REUSED'] as const;
const replayed = { 'Idempotent-Replayed': idempotentReplayedHeader.optional() };

// A refused create says how much is left: the 422 body is the error body plus the cap's figures.
const createErrors = errorResponses([...EDGE, ...JSON_BODY, ...BEARER, ...UPSTREAM, ...DATABASE, ...IDEMPOTENT, 'INVALID_BODY', 'INVALID_AMOUNT', 'INVALID_DESCRIPTION', 'CAP_EXCEEDED']);
const capExceededBody = z.union([
  errorBodyWith('CAP_EXCEEDED').extend(capExceededDetailsSchema.shape),
  errorBodyWith('IDEMPOTENCY_KEY_REUSED'),
]);
const create422 = createErrors['422'] as { content: { 'application/json': { schema: z.ZodType } } };
create422.content['application/json'].schema = capExceededBody;

export const paymentPaths: ZodOpenApiPathsObject = {
  '/payment/transactions': {
    post: {
      operationId: 'createTransaction',
      tags,
      summary: 'Spend: create a transaction',
      description:
        `The caller's total of all transactions, paid or not, never exceeds the cap (\`MAX_USER_TOTAL\`, ${DEFAULT_MAX_USER_TOTAL} by default; the cap in force is \`GET /payment/limits\`): a create that would pass it is a 422 \`CAP_EXCEEDED\` and creates nothing. Unknown fields are ignored; the owner is the token's user. A bad field answers 400 with that field's code.`,
      security: bearer,
      requestParams: { header: idempotencyKeyParams },
      requestBody: { required: true, content: { 'application/json': { schema: createTransactionRequestSchema } } },
      responses: {
        '201': jsonAnswer('The transaction, unpaid', transactionSchema, replayed),
        ...createErrors,
      },
    },
  },
  '/payment/transactions/list': {
    get: {
      operationId: 'listTransactions',
      tags,
      summary: 'The caller\'s transactions, newest first',
      description: 'One page; when there are more, `Link: <…>; rel="next"` holds the next page\'s URL.',
      security: bearer,
      requestParams: { query: listTransactionsQuerySchema },
      responses: {
        '200': jsonAnswer('A page of transactions', transactionPageSchema, { Link: linkHeader.optional() }),
        ...errorResponses([...EDGE, ...BEARER, ...UPSTREAM, ...DATABASE, 'INVALID_LIMIT', 'INVALID_CURSOR']),
      },
    },
  },
  '/payment/transactions/pay': {
    post: {
      operationId: 'payAll',
      tags,
      summary: 'Pay every unpaid transaction of the caller',
      description: 'Takes no body. With nothing left to pay it answers 200 with 0 paid.',
      security: bearer,
      requestParams: { header: idempotencyKeyParams },
      responses: {
        '200': jsonAnswer('What was paid', payAllResultSchema, replayed),
        ...errorResponses([...EDGE, ...JSON_BODY, ...BEARER, ...UPSTREAM, ...DATABASE, ...IDEMPOTENT]),
      },
    },
  },
  '/payment/limits': {
    get: {
      operationId: 'getPaymentLimits',
      tags,
      summary: 'The limits the server enforces, such as the cap',
      description: 'Read at run time, so a client checks a create against the cap the server is configured with.',
      security: bearer,
      responses: {
        '200': jsonAnswer('The limits', paymentLimitsSchema),
        ...errorResponses([...EDGE, ...BEARER, ...UPSTREAM]),
      },
    },
  },
};
