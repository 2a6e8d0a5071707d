import { expect } from 'chai';
import { catalogue, errorBody, errorBodySchema, errorCodes, errors } from '../src/errors/index.js';

describe('the error catalogue', () => {
  it('spells each code once, as its own key', () => {
    expect(new Set(errorCodes).size).to.equal(catalogue.length);
    for (const [key, entry] of Object.entries(errors)) expect(entry.code).to.equal(key);
  });

  it('gives every code a 4xx or 5xx status and a message for people', () => {
    for (const entry of catalogue) {
      expect(entry.status, entry.code).to.be.within(400, 599);
      expect(entry.message, entry.code).to.match(/\S/);
    }
  });

  it('spells every code in capitals and underscores, so clients can treat them as constants', () => {
    for (const code of errorCodes) expect(code).to.match(/^[A-Z][A-Z_]+[A-Z]$/);
  });

  it('sends Retry-After with every answer that asks for a retry on its own', () => {
    for (const entry of [errors.IDEMPOTENCY_KEY_IN_FLIGHT, errors.IDEMPOTENCY_KEY_TAKEN_OVER, errors.AUTH_BUSY, errors.DATABASE_BUSY, errors.DATABASE_UNAVAILABLE]) {
      expect(entry.headers?.['Retry-After'], entry.code).to.equal('1');
    }
  });

  it('names the Bearer scheme on every 401', () => {
    for (const entry of catalogue.filter((e) => e.status === 401)) expect(entry.headers?.['WWW-Authenticate'], entry.code).to.equal('Bearer');
  });
});

describe('errorBody', () => {
  it('when given details, puts them beside error, code and request_id, in the shape the schema describes', () => {
    const body = errorBody({ code: errors.CAP_EXCEEDED.code, message: 'over', details: { current_total: 950, max_allowed: 1000 } }, 'r-1');

    expect(body).to.deep.equal({ error: 'over', code: 'CAP_EXCEEDED', request_id: 'r-1', current_total: 950, max_allowed: 1000 });
    expect(errorBodySchema.parse(body)).to.deep.equal(body);
  });
});
