import { expect } from 'chai';
import { requestFingerprint } from '../../src/idempotency/idempotency.fingerprint.js';

/** A value nested `depth` levels deep, built without recursion. */
function nestedValue(depth: number, shape: 'array' | 'object'): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = shape === 'array' ? [value] : { a: value };
  return value;
}

describe('requestFingerprint', () => {
  for (const shape of ['array', 'object'] as const) {
    it(`fingerprints a body holding 30,000 nested ${shape}s without overflowing the stack`, () => {
      const body = { amount: 1, description: 'deep', ignored: nestedValue(30_000, shape) };

      const fingerprint = requestFingerprint('create', body);

      expect(fingerprint).to.match(/^[0-9a-f]{64}$/);
    });
  }

  it('gives the same fingerprint whatever the order of keys, and another one for another value', () => {
    const a = requestFingerprint('create', { amount: 1, description: 'x', extra: { b: 2, a: [1, { d: 4, c: 3 }] } });
    const b = requestFingerprint('create', { extra: { a: [1, { c: 3, d: 4 }], b: 2 }, description: 'x', amount: 1 });
    const c = requestFingerprint('create', { amount: 1, description: 'x', extra: { b: 2, a: [1, { d: 4, c: 5 }] } });

    expect(a).to.equal(b);
    expect(c).to.not.equal(a);
  });
});
