import { randomUUID } from 'node:crypto';
import { expect } from 'chai';
import { usePaymentService } from './support/payment-fixture.js';
import { transactionRules } from '@paymesh/contract/payment';
import { buildTransaction } from './support/factories.js';

const cursorOf = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
const id = randomUUID();

describe('every validated value is in range for the database', () => {
  // A cap as large as the largest amount, so the amount's own limit is what is tested.
  const t = usePaymentService({ MAX_USER_TOTAL: String(transactionRules.maxAmount * 2) });

  describe('GET /transactions/list cursors', () => {
    for (const [what, cursor] of [
      ['year 0000', cursorOf(`0000-01-01T00:00:00.000Z|${id}`)],
      ['year 10000 (six-digit ISO year)', cursorOf(`+010000-01-01T00:00:00.000Z|${id}`)],
      ['a negative year', cursorOf(`-000001-01-01T00:00:00.000Z|${id}`)],
      ['an instant before 1970', cursorOf(`1969-12-31T23:59:59.999Z|${id}`)],
      ['the largest JS date', cursorOf(`+275760-09-13T00:00:00.000Z|${id}`)],
      ['NaN as the date', cursorOf(`NaN|${id}`)],
      ['a number as the date', cursorOf(`-8640000000000000|${id}`)],
      ['a date without its time', cursorOf(`2026-01-01|${id}`)],
      ['a uuid with a bad character', cursorOf(`2026-01-01T00:00:00.000Z|${id.slice(0, -1)}g`)],
      ['a uuid too short', cursorOf(`2026-01-01T00:00:00.000Z|${id.slice(0, -1)}`)],
      ['an extra field', cursorOf(`2026-01-01T00:00:00.000Z|${id}|x`)],
      ['a NUL byte inside', cursorOf(`2026-01-01T00:00:00.000Z\u0000|${id}`)],
      ['invalid UTF-8 inside', Buffer.from([0xff, 0xfe, 0x7c]).toString('base64url')],
      ['characters outside base64url', `${cursorOf(`2026-01-01T00:00:00.000Z|${id}`)}%00`],
      ['an oversized cursor', 'A'.repeat(5000)],
    ] as const) {
      it(`when the cursor holds ${what}, answers 400 INVALID_CURSOR`, async () => {
        const res = await t.api.listTransactions(`?cursor=${cursor}`);

        expect(res.status).to.equal(400);
        expect(res.body).to.include({ code: 'INVALID_CURSOR' });
        expect(res.body.request_id).to.be.a('string');
      });
    }

    it('when the cursor is given twice, answers 400 INVALID_CURSOR', async () => {
      const cursor = cursorOf(`2026-01-01T00:00:00.000Z|${id}`);

      const res = await t.api.listTransactions(`?cursor=${cursor}&cursor=${cursor}`);

      expect(res.status).to.equal(400);
      expect(res.body.code).to.equal('INVALID_CURSOR');
    });

    it('a well-formed cursor at either end of the range is accepted', async () => {
      for (const iso of ['1970-01-01T00:00:00.000Z', '9999-12-31T23:59:59.999Z']) {
        const res = await t.api.listTransactions(`?cursor=${cursorOf(`${iso}|${id}`)}`);
        expect(res.status, iso).to.equal(200);
      }
    });
  });

  describe('GET /transactions/list limits', () => {
    for (const limit of ['1e309', '1e2', '-1', '0', '10.5', '', '+5', ' 5', '0x10', '501', '99999999999999999999', 'NaN', 'Infinity'] as const) {
      it(`when limit is "${limit}", answers 400 INVALID_LIMIT`, async () => {
        const res = await t.api.listTransactions(`?limit=${encodeURIComponent(limit)}`);

        expect(res.status).to.equal(400);
        expect(res.body.code).to.equal('INVALID_LIMIT');
      });
    }

    for (const query of ['?limit=1&limit=2', '?limit=1&limit=1', '?limit=1&limit=']) {
      it(`when limit is given twice (${query}), answers 400 INVALID_LIMIT`, async () => {
        const res = await t.api.listTransactions(query);

        expect(res.status).to.equal(400);
        expect(res.body.code).to.equal('INVALID_LIMIT');
      });
    }
  });

  describe('POST /transactions amounts', () => {
    it('the largest amount is stored exactly, and a cent more is a 400 that stores nothing', async () => {
      const largest = await t.api.createTransaction(buildTransaction({ amount: transactionRules.maxAmount }));
      const above = await t.api.createTransaction(buildTransaction({ amount: transactionRules.maxAmount + 0.01 }));

      expect(largest.status).to.equal(201);
      expect(largest.body.amount).to.equal(transactionRules.maxAmount);
      expect(above.status).to.equal(400);
      expect(above.body.code).to.equal('INVALID_AMOUNT');
      expect(await t.rowsOfUser()).to.equal(1);
    });

    for (const raw of ['9007199254740993', '1e308', '92233720368547758.07', '1e-7', '0.001', '-0', '-0.01', '1.005'] as const) {
      it(`when the amount is ${raw}, answers 400 INVALID_AMOUNT and stores nothing`, async () => {
        const res = await t.api.createRaw(`{"amount":${raw},"description":"range"}`);

        expect(res.status).to.equal(400);
        expect(res.body.code).to.equal('INVALID_AMOUNT');
        expect(await t.rowsOfUser()).to.equal(0);
      });
    }
  });

  describe('POST /transactions descriptions', () => {
    it('255 characters of four UTF-8 bytes each (1020 bytes) are stored as sent', async () => {
      const description = '😀'.repeat(255);

      const res = await t.api.createTransaction(buildTransaction({ description }));

      expect(res.status).to.equal(201);
      expect(res.body.description).to.equal(description);
    });

    for (const [what, rawDescription] of [
      ['256 characters of four bytes', JSON.stringify('😀'.repeat(256))],
      ['a NUL escape', '"before\\u0000after"'],
      ['a C1 control character (U+0085)', '"a\\u0085b"'],
      ['a lone high surrogate', '"pay \\ud800 now"'],
      ['a lone low surrogate', '"\\udc00"'],
      ['surrogates in the wrong order', '"\\udc00\\ud800"'],
      ['blank text', '"   "'],
    ] as const) {
      it(`when the description has ${what}, answers 400 INVALID_DESCRIPTION and stores nothing`, async () => {
        const res = await t.api.createRaw(`{"amount":1,"description":${rawDescription}}`);

        expect(res.status).to.equal(400);
        expect(res.body.code).to.equal('INVALID_DESCRIPTION');
        expect(await t.rowsOfUser()).to.equal(0);
      });
    }
  });
});
