import { expect } from 'chai';
import { formatCents, fromCents, toCents } from '../src/money/index.js';

describe('money', () => {
  describe('toCents', () => {
    it('converts amounts with up to two decimals exactly', () => {
      expect(toCents(0.1)).to.equal(10);
      expect(toCents(100)).to.equal(10000);
      expect(toCents(999.99)).to.equal(99999);
      expect(toCents(1.5)).to.equal(150);
    });

    it('refuses amounts with three decimals, non-finite values and values past safe integers', () => {
      expect(toCents(0.001)).to.equal(null);
      expect(toCents(1.234)).to.equal(null);
      expect(toCents(Number.NaN)).to.equal(null);
      expect(toCents(Number.POSITIVE_INFINITY)).to.equal(null);
      expect(toCents(1e300)).to.equal(null);
    });

    it('keeps the sign of negative amounts so callers can refuse them', () => {
      expect(toCents(-5.25)).to.equal(-525);
    });
  });

  describe('fromCents and formatCents', () => {
    it('sums of many cents come back exact', () => {
      const cents = Array.from({ length: 10_000 }, () => toCents(0.1)!).reduce((a, b) => a + b, 0);
      expect(fromCents(cents)).to.equal(1000);
      expect(formatCents(cents)).to.equal('1000.00');
    });

    it('formats small and negative amounts with two decimals', () => {
      expect(formatCents(5)).to.equal('0.05');
      expect(formatCents(-1234)).to.equal('-12.34');
    });
  });
});
