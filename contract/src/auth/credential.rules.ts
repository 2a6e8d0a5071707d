/**
 * What a username and a password must be, for auth-service's validation and the client's forms
 * alike. bcrypt reads only the first 72 bytes, so a longer password would be silently cut: it
 * is refused instead. Limits hold for what is hashed, the password in Unicode Normalization
 * Form C (NIST SP 800-63B asks verifiers to normalise: "é" may arrive as one code point or two).
 */
export const credentialRules = {
  username: { minLength: 3, maxLength: 32, pattern: /^[A-Za-z0-9_.-]+$/ },
  password: { minBytes: 8, maxBytes: 72 },
} as const;

export function normalisePassword(typed: string): string {
  return typed.normalize('NFC');
}

const encoder = new TextEncoder();

/** Bytes of UTF-8 in `text` as written (TextEncoder, so it runs in browsers as well as Node). */
export const utf8Bytes = (text: string): number => encoder.encode(text).length;

/** True when `form` (one form of a password) is within the byte limits. */
export function passwordBytesWithinLimits(form: string): boolean {
  const bytes = utf8Bytes(form);
  return bytes >= credentialRules.password.minBytes && bytes <= credentialRules.password.maxBytes;
}
