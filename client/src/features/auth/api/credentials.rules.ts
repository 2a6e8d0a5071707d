/**
 * The same rules auth-service applies on register, checked before the request so a person
 * learns what's wrong as they type rather than after a round trip.
 */
const USERNAME = /^[A-Za-z0-9_.-]{3,32}$/;
const MIN_PASSWORD_BYTES = 8;
// bcrypt reads only 72 bytes; the server refuses longer passwords rather than truncating them.
const MAX_PASSWORD_BYTES = 72;

export interface CredentialErrors {
  username?: string;
  password?: string;
}

export function checkNewCredentials(username: string, password: string): CredentialErrors {
  const errors: CredentialErrors = {};
  if (username.length < 3 || username.length > 32) errors.username = 'Use 3 to 32 characters.';
  else if (!USERNAME.test(username)) errors.username = 'Use only letters, digits, "_", "." and "-".';
  const bytes = new TextEncoder().encode(password).length;
  if (bytes < MIN_PASSWORD_BYTES) errors.password = `Use at least ${MIN_PASSWORD_BYTES} characters.`;
  else if (bytes > MAX_PASSWORD_BYTES) errors.password = `Use at most ${MAX_PASSWORD_BYTES} bytes (shorter, or fewer special characters).`;
  return errors;
}

export function checkSignInCredentials(username: string, password: string): CredentialErrors {
  const errors: CredentialErrors = {};
  if (!username.trim()) errors.username = 'Enter your username.';
  if (!password) errors.password = 'Enter your password.';
  return errors;
}
