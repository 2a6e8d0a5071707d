import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { jwksSchema, loginRequestSchema, profileSchema, registerRequestSchema, sessionSchema } from '../../auth/index.js';
import { BEARER, DATABASE, EDGE, JSON_BODY, UPSTREAM } from '../code-groups.js';
import { errorResponses } from '../error-responses.js';
import { cacheControlHeader } from '../headers.js';
import { bearer, jsonAnswer } from '../responses.js';

const tags = ['auth'];

export const authPaths: ZodOpenApiPathsObject = {
  '/auth/register': {
    post: {
      operationId: 'register',
      tags,
      summary: 'Create an account and get a token',
      description: 'Registrations are on a budget of their own per client (429 `RATE_LIMITED`).',
      requestBody: { required: true, content: { 'application/json': { schema: registerRequestSchema } } },
      responses: {
        '201': jsonAnswer('The new account and a token for it', sessionSchema),
        ...errorResponses([...EDGE, ...JSON_BODY, ...UPSTREAM, ...DATABASE, 'VALIDATION_FAILED', 'USERNAME_TAKEN', 'AUTH_BUSY']),
      },
    },
  },
  '/auth/login': {
    post: {
      operationId: 'login',
      tags,
      summary: 'Sign in and get a token',
      description:
        'An unknown user and a wrong password get the same 401, in the same time. Failed logins are limited per client and per (username, client).',
      requestBody: { required: true, content: { 'application/json': { schema: loginRequestSchema } } },
      responses: {
        '200': jsonAnswer('The account and a token for it', sessionSchema),
        ...errorResponses([...EDGE, ...JSON_BODY, ...UPSTREAM, ...DATABASE, 'VALIDATION_FAILED', 'INVALID_CREDENTIALS', 'AUTH_BUSY']),
      },
    },
  },
  '/auth/me': {
    get: {
      operationId: 'me',
      tags,
      summary: 'The caller\'s account',
      security: bearer,
      responses: {
        '200': jsonAnswer('The account the token belongs to', profileSchema),
        ...errorResponses([...EDGE, ...BEARER, ...UPSTREAM, ...DATABASE, 'USER_NOT_FOUND']),
      },
    },
  },
  '/auth/.well-known/jwks.json': {
    get: {
      operationId: 'jwks',
      tags,
      summary: 'The public keys tokens are signed with',
      description: 'Cached 60 s, well within the time a rotated key waits before it signs.',
      responses: {
        '200': jsonAnswer('A JSON Web Key Set', jwksSchema, { 'Cache-Control': cacheControlHeader }),
        ...errorResponses([...EDGE, ...UPSTREAM]),
      },
    },
  },
};
