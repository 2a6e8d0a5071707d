import { errors } from '@paymesh/contract/errors';
import { ApiError } from '@/lib/api-client';
import { centsOf, formatCentsForPeople } from '@/lib/format';
import type { DraftErrors } from '../api/transaction.rules';

export interface CapRefusal {
  currentTotalCents: number;
  maxAllowedCents: number;
}

export interface CreateFailure {
  fields: DraftErrors;
  form?: string;
  cap?: CapRefusal;
}

const num = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/** A refused create, turned into what the form shows next to the right control. */
export function describeCreateFailure(error: unknown): CreateFailure {
  if (!(error instanceof ApiError)) return { fields: {}, form: 'Something went wrong. Please try again.' };
  if (error.code === errors.CAP_EXCEEDED.code) {
    const current = num(error.body.current_total);
    const max = num(error.body.max_allowed);
    if (current !== null && max !== null) return { fields: {}, cap: { currentTotalCents: centsOf(current), maxAllowedCents: centsOf(max) } };
    return { fields: {}, form: error.message };
  }
  if (error.status === 400) {
    const amount = error.fieldMessage('amount');
    const description = error.fieldMessage('description');
    const fields: DraftErrors = {};
    if (amount) fields.amount = `Amount ${amount}.`;
    if (description) fields.description = `Description ${description}.`;
    return amount || description ? { fields } : { fields, form: error.message };
  }
  if (error.status === 409) return { fields: {}, form: 'Your previous click is still being processed. One moment…' };
  if (error.status === 429) {
    const wait = error.retryAfterSeconds;
    return { fields: {}, form: `Too many requests. Try again${wait ? ` in ${wait} s` : ' shortly'}.` };
  }
  return { fields: {}, form: error.message };
}

export function capRefusalText({ currentTotalCents, maxAllowedCents }: CapRefusal): string {
  const left = Math.max(0, maxAllowedCents - currentTotalCents);
  return `That would take you over the ${formatCentsForPeople(maxAllowedCents)} cap. Your total is ${formatCentsForPeople(currentTotalCents)}, `
    + (left > 0 ? `so at most ${formatCentsForPeople(left)} more is allowed.` : 'so no more is allowed.');
}
