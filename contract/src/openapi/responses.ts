import { z } from 'zod';
import type { ZodOpenApiResponseObject } from 'zod-openapi';
import { requestIdHeader } from './headers.js';

/** A JSON answer with X-Request-Id and any headers of its own. */
export function jsonAnswer(description: string, schema: z.ZodType, headers: Record<string, z.ZodType> = {}): ZodOpenApiResponseObject {
  return {
    description,
    headers: z.object({ 'X-Request-Id': requestIdHeader, ...headers }),
    content: { 'application/json': { schema } },
  };
}

/** The token every authenticated operation needs: an RS256 JWT from register or login. */
export const bearer = [{ bearerAuth: [] }];

export const securitySchemes = {
  bearerAuth: {
    type: 'http' as const,
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description:
      'An RS256 JWT from `POST /auth/register` or `POST /auth/login`, valid 1 hour, with `iss`, `aud` and `exp` checked; the keys are at `/auth/.well-known/jwks.json`. Any other algorithm, an expired, tampered or wrong-audience token answers 401.',
  },
};
