import { defineErrors } from './error-entry.js';

// A retry one second later finds the first attempt finished (or its lease taken over).
const retrySoon = { 'Retry-After': '1' } as const;

/** Creating, listing and paying transactions, and the Idempotency-Key that makes retries safe. */
export const paymentErrors = defineErrors({
  INVALID_BODY: { status: 400, message: 'The body must be a JSON object {amount, description}' },
  INVALID_AMOUNT: { status: 400, message: 'The amount is not valid', description: 'A positive JSON number with at most 2 decimals, up to 1000000000.' },
  INVALID_DESCRIPTION: { status: 400, message: 'The description is not valid', description: '1 to 255 characters once trimmed, no control characters.' },
  INVALID_LIMIT: { status: 400, message: 'limit must be a whole number from 1 to 500' },
  INVALID_CURSOR: { status: 400, message: 'The cursor is not one this service returned' },
  INVALID_IDEMPOTENCY_KEY: { status: 400, message: 'Idempotency-Key must be 1 to 255 printable ASCII characters' },
  IDEMPOTENCY_KEY_IN_FLIGHT: {
    status: 409,
    message: 'A request with this Idempotency-Key is still being processed',
    headers: retrySoon,
    description: 'Retry after Retry-After for the first attempt\'s answer.',
  },
  IDEMPOTENCY_KEY_TAKEN_OVER: {
    status: 409,
    message: 'This request outlived its Idempotency-Key lease and a retry answered it; retry for that answer',
    headers: retrySoon,
  },
  CAP_EXCEEDED: {
    status: 422,
    message: 'This transaction would take your total above the cap',
    description: '`current_total` and `max_allowed` say how much is left; nothing was created.',
  },
  IDEMPOTENCY_KEY_REUSED: { status: 422, message: 'This Idempotency-Key was already used with a different request' },
});
