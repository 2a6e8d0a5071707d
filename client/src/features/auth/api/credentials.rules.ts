import { credentialRules, normalisePassword, utf8Bytes } from '@paymesh/contract/auth';

/**
 * The contract's credential rules, the ones auth-service applies on register, checked before
 * the request so a person learns what's wrong as they type rather than after a round trip.
 */
export interface CredentialErrors {
  username?: string;
  password?: string;
}

const { username: u, password: p } = credentialRules;

export function checkNewCredentials(username: string, password: string): CredentialErrors {
  const errors: CredentialErrors = {};
  if (username.length < u.minLength || username.length > u.maxLength) errors.username = `Use ${u.minLength} to ${u.maxLength} characters.`;
  else if (!u.pattern.test(username)) errors.username = 'Use only letters, digits, "_", "." and "-".';
  // Counted as the server counts them: bytes of the password's normal form (NFC).
  const bytes = utf8Bytes(normalisePassword(password));
  if (bytes < p.minBytes) errors.password = `Use at least ${p.minBytes} characters.`;
  else if (bytes > p.maxBytes) errors.password = `Use at most ${p.maxBytes} bytes (shorter, or fewer special characters).`;
  return errors;
}

export function checkSignInCredentials(username: string, password: string): CredentialErrors {
  const errors: CredentialErrors = {};
  if (!username.trim()) errors.username = 'Enter your username.';
  if (!password) errors.password = 'Enter your password.';
  return errors;
}
