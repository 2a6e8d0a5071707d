import { expect } from 'chai';
import { z } from 'zod';
import { loginRequestSchema, registerRequestSchema } from '../src/auth/index.js';
import { createTransactionRequestSchema, listTransactionsQuerySchema } from '../src/payment/index.js';
import { requestProblems } from '../src/validation/index.js';

const problemsOf = (schema: z.ZodType, input: unknown) => {
  const result = schema.safeParse(input);
  if (result.success) throw new Error('expected the input to be refused');
  return requestProblems(schema, result.error);
};

describe('the create-transaction body', () => {
  it('when valid, trims the description and keeps the amount', () => {
    expect(createTransactionRequestSchema.parse({ amount: 12.5, description: '  coffee ', user_id: 'x' })).to.deep.equal({ amount: 12.5, description: 'coffee' });
  });

  for (const [what, amount] of [['0', 0], ['negative', -5], ['3 decimals', 1.005], ['a string', '10.00'], ['null', null], ['absurdly large', 1e15], ['infinite', Infinity]] as const) {
    it(`when the amount is ${what}, names INVALID_AMOUNT with one problem`, () => {
      const problems = problemsOf(createTransactionRequestSchema, { amount, description: 'a' });

      expect(problems.code).to.equal('INVALID_AMOUNT');
      expect(problems.fields).to.have.length(1);
    });
  }

  it('when both fields are bad, names both, the amount first', () => {
    const problems = problemsOf(createTransactionRequestSchema, { amount: 0, description: ' ' });

    expect(problems.code).to.equal('INVALID_AMOUNT');
    expect(problems.fields.map((f) => [f.field, f.code])).to.deep.equal([['amount', 'INVALID_AMOUNT'], ['description', 'INVALID_DESCRIPTION']]);
  });

  for (const [what, description] of [['blank', '   '], ['missing', undefined], ['too long', 'é'.repeat(256)], ['a NUL', 'a\u0000b'], ['a lone surrogate', 'a\ud800b']] as const) {
    it(`when the description is ${what}, names INVALID_DESCRIPTION`, () => {
      expect(problemsOf(createTransactionRequestSchema, { amount: 1, description }).code).to.equal('INVALID_DESCRIPTION');
    });
  }

  it('when the body is not an object, names INVALID_BODY', () => {
    expect(problemsOf(createTransactionRequestSchema, [{ amount: 1, description: 'a' }]).code).to.equal('INVALID_BODY');
  });
});

describe('the list query', () => {
  it('when the limit is out of range or repeated, names INVALID_LIMIT', () => {
    for (const limit of ['0', '501', '-1', 'ten', ['1', '2']]) expect(problemsOf(listTransactionsQuerySchema, { limit }).code).to.equal('INVALID_LIMIT');
  });

  it('when the cursor is repeated, names INVALID_CURSOR', () => {
    expect(problemsOf(listTransactionsQuerySchema, { cursor: ['a', 'b'] }).code).to.equal('INVALID_CURSOR');
  });
});

describe('credentials', () => {
  it('when the username is too short and the password too long, answers VALIDATION_FAILED naming both', () => {
    const problems = problemsOf(registerRequestSchema, { username: 'ab', password: 'x'.repeat(73) });

    expect(problems.code).to.equal('VALIDATION_FAILED');
    expect(problems.fields.map((f) => f.field)).to.deep.equal(['username', 'password']);
  });

  it('counts a password in bytes of its normal form: 36 two-byte characters fit, 37 do not', () => {
    expect(registerRequestSchema.safeParse({ username: 'ada', password: 'é'.repeat(36) }).success).to.equal(true);
    expect(registerRequestSchema.safeParse({ username: 'ada', password: 'é'.repeat(37) }).success).to.equal(false);
  });

  it('lets a login through with a password only its typed form keeps within the limits', () => {
    // U+0958 (3 bytes) decomposes in NFC to two 3-byte code points: 39 bytes typed, 78 normalised.
    const typed = '\u0958'.repeat(13);
    expect(registerRequestSchema.safeParse({ username: 'ada', password: typed }).success).to.equal(false);
    expect(loginRequestSchema.safeParse({ username: 'ada', password: typed }).success).to.equal(true);
  });
});
