import { z } from 'zod';
import { credentialRules, normalisePassword, passwordBytesWithinLimits, utf8Bytes } from './credential.rules.js';

const { username: u, password: p } = credentialRules;

export const usernameSchema = z
  .string({ error: 'must be a string' })
  .min(u.minLength, `must be at least ${u.minLength} characters`)
  .max(u.maxLength, `must be at most ${u.maxLength} characters`)
  .regex(u.pattern, 'may contain only letters, digits, "_", "." and "-"')
  .meta({ description: 'Letters, digits, "_", "." and "-"', example: 'ada' });

const tooShort = `must be at least ${p.minBytes} bytes`;
const tooLong = `must be at most ${p.maxBytes} bytes of UTF-8`;

/** A new password: its normal form within the limits. */
export const newPasswordSchema = z
  .string({ error: 'must be a string' })
  .refine((value) => utf8Bytes(normalisePassword(value)) >= p.minBytes, tooShort)
  .refine((value) => utf8Bytes(normalisePassword(value)) <= p.maxBytes, tooLong)
  .meta({ description: `${p.minBytes} to ${p.maxBytes} bytes of UTF-8 once in Unicode NFC`, example: 'correct horse battery' });

// A password hashed as typed, before normalisation, was checked as typed; its normal form may be
// shorter or longer. Either form within the limits may still match, so a login accepts either.
const existingPasswordSchema = z
  .string({ error: 'must be a string' })
  .refine((value) => passwordBytesWithinLimits(normalisePassword(value)) || passwordBytesWithinLimits(value), `must be ${p.minBytes} to ${p.maxBytes} bytes of UTF-8`)
  .meta({ description: `${p.minBytes} to ${p.maxBytes} bytes of UTF-8`, example: 'correct horse battery' });

export const registerRequestSchema = z
  .object({ username: usernameSchema, password: newPasswordSchema })
  .meta({ id: 'RegisterRequest', description: 'A new account', example: { username: 'ada', password: 'correct horse battery' } });

export const loginRequestSchema = z
  .object({ username: usernameSchema, password: existingPasswordSchema })
  .meta({ id: 'LoginRequest', description: 'Sign in', example: { username: 'ada', password: 'correct horse battery' } });

export type Credentials = z.infer<typeof registerRequestSchema>;
