import { z } from 'zod';
import { normalisePassword } from '../passwords/password-forms.js';

// bcrypt reads only the first 72 bytes: a longer password would be silently cut, so it is refused.
const MIN_PASSWORD_BYTES = 8;
const MAX_PASSWORD_BYTES = 72;

const username = z
  .string({ error: 'must be a string' })
  .min(3, 'must be at least 3 characters')
  .max(32, 'must be at most 32 characters')
  .regex(/^[A-Za-z0-9_.-]+$/, 'may contain only letters, digits, "_", "." and "-"');

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');
const tooShort = `must be at least ${MIN_PASSWORD_BYTES} bytes`;
const tooLong = `must be at most ${MAX_PASSWORD_BYTES} bytes of UTF-8`;

// The limits hold for what is hashed: the password in Normalization Form C.
const newPassword = z
  .string({ error: 'must be a string' })
  .refine((value) => bytes(normalisePassword(value)) >= MIN_PASSWORD_BYTES, tooShort)
  .refine((value) => bytes(normalisePassword(value)) <= MAX_PASSWORD_BYTES, tooLong);

// A password hashed as typed, before normalisation, was checked as typed; its normal form may be
// shorter or longer. Either form within the limits may still match, so a login accepts either.
const withinLimits = (form: string) => bytes(form) >= MIN_PASSWORD_BYTES && bytes(form) <= MAX_PASSWORD_BYTES;
const existingPassword = z
  .string({ error: 'must be a string' })
  .refine((value) => withinLimits(normalisePassword(value)) || withinLimits(value), `must be ${MIN_PASSWORD_BYTES} to ${MAX_PASSWORD_BYTES} bytes of UTF-8`);

/** Register: the rules a new password must meet. */
export const credentialsSchema = z.object({ username, password: newPassword });

/** Login: the same rules, met by the password as normalised or as typed; one that meets neither could never match. */
export const loginCredentialsSchema = z.object({ username, password: existingPassword });

/** True when a password meets the rules for a new one, so its normal form may be hashed in place of an old hash. */
export const meetsNewPasswordRules = (typed: string): boolean => newPassword.safeParse(typed).success;

export type Credentials = z.infer<typeof credentialsSchema>;
