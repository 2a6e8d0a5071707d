import { expect } from 'chai';
import { z } from 'zod';
import * as analytics from '../src/analytics/index.js';
import * as auth from '../src/auth/index.js';
import * as errorsModule from '../src/errors/index.js';
import * as gateway from '../src/gateway/index.js';
import * as payment from '../src/payment/index.js';

const schemasOf = (module: Record<string, unknown>) =>
  Object.entries(module).filter((entry): entry is [string, z.ZodType] => entry[1] instanceof z.ZodType);

describe('the schemas as JSON Schema', () => {
  for (const [name, schema] of [auth, payment, analytics, gateway, errorsModule].flatMap(schemasOf)) {
    it(`${name} converts for the API documents, requests as accepted and answers as sent`, () => {
      expect(z.toJSONSchema(schema, { io: 'input' })).to.be.an('object');
      expect(z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' })).to.be.an('object');
    });
  }

  it('carries a field\'s own error code into the JSON Schema, for the documents to show', () => {
    type Properties = Record<string, Record<string, unknown>>;
    const json = z.toJSONSchema(payment.createTransactionRequestSchema, { io: 'input' }) as { $defs: Record<string, { properties: Properties }> };
    expect(json.$defs.CreateTransactionRequest?.properties.amount?.['x-error-code']).to.equal('INVALID_AMOUNT');
  });
});
