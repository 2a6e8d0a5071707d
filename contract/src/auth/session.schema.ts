import { z } from 'zod';

const userId = z.string().meta({ description: "The user's id, also the token's subject" });

/** Register and login answer with the account and a bearer token for it (RS256, 1 hour). */
export const sessionSchema = z
  .object({ id: userId, username: z.string(), token: z.string().meta({ description: 'Send as `Authorization: Bearer <token>`' }) })
  .meta({ id: 'Session', example: { id: '0b8e5c9e-1d7c-4bb1-9c3f-2f4f1f0b1a11', username: 'ada', token: 'eyJhbGciOiJSUzI1NiIs…' } });

export const profileSchema = z
  .object({ id: userId, username: z.string(), created_at: z.iso.datetime() })
  .meta({ id: 'Profile', example: { id: '0b8e5c9e-1d7c-4bb1-9c3f-2f4f1f0b1a11', username: 'ada', created_at: '2026-12-01T10:00:00.000Z' } });

/** The public keys tokens are signed with (RFC 7517); a verifier picks one by the token's `kid`. */
export const jwksSchema = z
  .object({
    keys: z.array(z.looseObject({ kty: z.literal('RSA'), kid: z.string(), alg: z.literal('RS256'), use: z.literal('sig'), n: z.string(), e: z.string() })),
  })
  .meta({ id: 'Jwks', description: 'JSON Web Key Set' });

export type Session = z.infer<typeof sessionSchema>;
export type Profile = z.infer<typeof profileSchema>;
