import { expect } from 'chai';
import { z } from 'zod';
import { fieldCode } from '@paymesh/contract/validation';
import { AppError, errors, validate } from '../src/errors/index.js';

const caught = (run: () => unknown): AppError => {
  try {
    run();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected an AppError');
};

describe('validate', () => {
  const schema = z.object({ amount: z.number().meta(fieldCode(errors.INVALID_AMOUNT)), note: z.string() });

  it('when a field with its own code is bad, answers 400 with that code and names every bad field', () => {
    const err = caught(() => validate(schema, { amount: 'x', note: 1 }));

    expect(err.status).to.equal(400);
    expect(err.code).to.equal('INVALID_AMOUNT');
    expect((err.details.fields as { field: string }[]).map((f) => f.field)).to.deep.equal(['amount', 'note']);
  });

  it('when only fields without a code are bad, answers VALIDATION_FAILED', () => {
    expect(caught(() => validate(schema, { amount: 1, note: 1 })).code).to.equal('VALIDATION_FAILED');
  });

  it('when the input is valid, returns it parsed', () => {
    expect(validate(schema, { amount: 1, note: 'a', extra: true })).to.deep.equal({ amount: 1, note: 'a' });
  });
});

describe('AppError', () => {
  it('takes its code, status, message and headers from the catalogue entry', () => {
    const err = new AppError(errors.IDEMPOTENCY_KEY_IN_FLIGHT);

    expect([err.code, err.status, err.message]).to.deep.equal(['IDEMPOTENCY_KEY_IN_FLIGHT', 409, errors.IDEMPOTENCY_KEY_IN_FLIGHT.message]);
    expect(err.headers).to.deep.equal({ 'Retry-After': '1' });
  });

  it('builds the one error body shape, details beside error, code and request_id', () => {
    const err = new AppError(errors.PAYLOAD_TOO_LARGE, { message: 'too big', details: { limit_bytes: 10 } });

    expect(err.responseBody('r-1')).to.deep.equal({ error: 'too big', code: 'PAYLOAD_TOO_LARGE', request_id: 'r-1', limit_bytes: 10 });
  });
});
