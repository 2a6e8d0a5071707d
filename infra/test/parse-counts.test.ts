import { expect } from 'chai';
import { parseMocha, parseVitest } from '../src/test-runner/parse-counts.js';

describe('test summary parsing', () => {
  it('reads passing, failing and pending counts from mocha output, colours and all', () => {
    const output = '\n  \x1b[32m 12 passing\x1b[0m (3s)\n  2 pending\n  1 failing\n';
    expect(parseMocha(output)).to.deep.equal({ passed: 12, failed: 1, skipped: 2 });
  });

  it('says nothing was counted when mocha crashed before its summary', () => {
    expect(parseMocha('Error: Cannot find module')).to.equal(null);
  });

  it('reads vitest totals whether or not something failed', () => {
    expect(parseVitest(' Test Files  3 passed (3)\n      Tests  11 passed (11)\n')).to.deep.equal({ passed: 11, failed: 0, skipped: 0 });
    expect(parseVitest('      Tests  1 failed | 10 passed | 2 skipped (13)\n')).to.deep.equal({ passed: 10, failed: 1, skipped: 2 });
  });
});
