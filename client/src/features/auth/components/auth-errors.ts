import { ApiError } from '@/lib/api-client';
import type { CredentialErrors } from '../api/credentials.rules';

export interface AuthFailure {
  fields: CredentialErrors;
  form?: string;
  /** When a 429 said to come back, in ms since the epoch. */
  retryAt?: number;
}

/** What went wrong, in words a person can act on, placed next to the field it concerns. */
export function describeAuthFailure(error: unknown, mode: 'signin' | 'signup'): AuthFailure {
  if (!(error instanceof ApiError)) return { fields: {}, form: 'Something went wrong. Please try again.' };
  if (error.status === 409) return { fields: { username: 'That username is taken. Pick another one, or sign in.' } };
  if (error.status === 401 && mode === 'signin') return { fields: {}, form: 'Wrong username or password.' };
  if (error.status === 429) {
    const seconds = error.retryAfterSeconds ?? 60;
    return { fields: {}, form: 'Too many attempts.', retryAt: Date.now() + seconds * 1000 };
  }
  if (error.status === 400) {
    const fields: CredentialErrors = {};
    const username = error.fieldMessage('username');
    const password = error.fieldMessage('password');
    if (username) fields.username = username;
    if (password) fields.password = password;
    return username || password ? { fields } : { fields, form: error.message };
  }
  return { fields: {}, form: error.message };
}
