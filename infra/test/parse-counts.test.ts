import { expect } from 'chai';
import { parseMocha, parseVitest } from '../src/test-runner/parse-counts.js';
import { failureDetails } from '../src/test-runner/failure-details.js';

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

describe('what a failed suite said about its failures', () => {
  it('is mocha\'s block from "N failing" on, each failing test with its assertion', () => {
    const output = '  ✔ works\n\n  1 passing (2s)\n  1 failing\n\n  1) the fold\n       counts once:\n     AssertionError: expected 2 to equal 1\n';

    const details = failureDetails(output);

    expect(details).to.match(/^\s*1 failing/);
    expect(details).to.include('1) the fold').and.include('AssertionError: expected 2 to equal 1');
    expect(details).not.to.include('✔ works');
  });

  it('is vitest\'s "Failed Tests" block, without the totals after it', () => {
    const output = ' ✓ a.test.tsx (3 tests)\n⎯⎯⎯ Failed Tests 1 ⎯⎯⎯\n FAIL b.test.tsx > shows the cap\nAssertionError: expected "500" to equal "1000"\n Test Files  1 failed | 1 passed (2)\n      Tests  1 failed | 3 passed (4)\n';

    const details = failureDetails(output);

    expect(details).to.include('FAIL b.test.tsx > shows the cap').and.include('expected "500"');
    expect(details).not.to.include('Test Files');
  });

  it('keeps a very long report to its first lines and says how many were cut', () => {
    const output = `  1 failing\n${Array.from({ length: 400 }, (_, i) => `    at frame ${i}`).join('\n')}\n`;

    const lines = failureDetails(output)!.split('\n');

    expect(lines).to.have.length(151);
    expect(lines.at(-1)).to.equal("… 251 more lines in the suite's output above");
  });

  it('is nothing when the output names no failing test (a crash before any summary)', () => {
    expect(failureDetails('Error: Cannot find module')).to.equal(null);
  });
});
