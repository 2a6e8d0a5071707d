import { expect } from 'chai';
import { outcomeOf } from '../src/workload/retrying-client.js';

const at = { startedAt: 0, endedAt: 1 };

describe('what a client was finally told', () => {
  it('a 2xx is ok, and a final 4xx such as the cap is refused', () => {
    expect(outcomeOf({ ...at, status: 201 })).to.equal('ok');
    expect(outcomeOf({ ...at, status: 422, body: { code: 'CAP_EXCEEDED' } })).to.equal('refused');
  });

  it('giving up on a key still in flight, a 5xx, a 429 or no answer is unknown: the write may have happened', () => {
    expect(outcomeOf({ ...at, status: 409, body: { code: 'IDEMPOTENCY_KEY_IN_FLIGHT' } })).to.equal('unknown');
    expect(outcomeOf({ ...at, status: 503, body: { code: 'DATABASE_UNAVAILABLE' } })).to.equal('unknown');
    expect(outcomeOf({ ...at, status: 429 })).to.equal('unknown');
    expect(outcomeOf({ ...at, error: 'ECONNRESET' })).to.equal('unknown');
  });

  it('a key reused with another body (422) is a refusal', () => {
    expect(outcomeOf({ ...at, status: 422, body: { code: 'IDEMPOTENCY_KEY_REUSED' } })).to.equal('refused');
  });
});
