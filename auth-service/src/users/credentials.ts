import { z } from 'zod';

// bcrypt reads only the first 72 bytes: a longer password would be silently cut, so it is refused.
const MIN_PASSWORD_BYTES = 8;
const MAX_PASSWORD_BYTES = 72;

const username = z
  .string({ error: 'must be a string' })
  .min(3, 'must be at least 3 characters')
  .max(32, 'must be at most 32 characters')
  .regex(/^[A-Za-z0-9_.-]+$/, 'may contain only letters, digits, "_", "." and "-"');

const password = z
  .string({ error: 'must be a string' })
  .refine((value) => Buffer.byteLength(value, 'utf8') >= MIN_PASSWORD_BYTES, `must be at least ${MIN_PASSWORD_BYTES} bytes`)
  .refine((value) => Buffer.byteLength(value, 'utf8') <= MAX_PASSWORD_BYTES, `must be at most ${MAX_PASSWORD_BYTES} bytes of UTF-8`);

/** The same rules for register and login: a login that breaks them could never match anyway. */
export const credentialsSchema = z.object({ username, password });

export type Credentials = z.infer<typeof credentialsSchema>;
