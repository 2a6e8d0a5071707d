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

    it('refuses binary artefacts that only look like two decimals once rounded', () => {
      expect(toCents(0.1 + 0.2)).to.equal(null);
      expect(toCents(1.005)).to.equal(null);
      expect(toCents(12.345)).to.equal(null);
      expect(toCents(Number.MIN_VALUE)).to.equal(null);
    });

    it('refuses amounts of a trillion and more, which no request or event carries', () => {
      expect(toCents(999_999_999_999.99)).to.equal(99_999_999_999_999);
      expect(toCents(1e12)).to.equal(null);
      expect(toCents(-1e12)).to.equal(null);
      expect(toCents(1e21)).to.equal(null);
    });

    it('treats zero and minus zero alike', () => {
      expect(toCents(0)).to.equal(0);
      expect(Object.is(toCents(-0), 0)).to.equal(true);
    });

    it('gives the exact cents of every amount from -1,000.00 to 20,000.00 and refuses their 3-decimal neighbours', () => {
      for (let cents = -100_000; cents <= 2_000_000; cents++) {
        const amount = cents / 100;
        if (toCents(amount) !== cents) expect.fail(`${amount} should be ${cents} cents, got ${toCents(amount)}`);
        const threeDecimals = (cents * 10 + 3) / 1000;
        if (toCents(threeDecimals) !== null) expect.fail(`${threeDecimals} has three decimals`);
      }
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
