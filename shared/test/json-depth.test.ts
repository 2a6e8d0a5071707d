import { expect } from 'chai';
import { nestsDeeperThan } from '../src/http/json-depth.js';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('nestsDeeperThan (the raw-bytes depth scan run before JSON.parse)', () => {
  it('counts arrays and objects alike, and allows exactly the limit', () => {
    expect(nestsDeeperThan(bytes('[[{"a":[1]}]]'), 4)).to.equal(false);
    expect(nestsDeeperThan(bytes('[[{"a":[[1]]}]]'), 4)).to.equal(true);
  });

  it('measures depth, not the number of brackets: siblings do not add up', () => {
    expect(nestsDeeperThan(bytes(`[${'[],'.repeat(10_000)}[]]`), 2)).to.equal(false);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(nestsDeeperThan(bytes(`{"s":"${'[{'.repeat(100)}","t":"\\"[[[[\\\\"}`), 1)).to.equal(false);
  });

  it('finds 20,000 levels without recursing, and stops early', () => {
    expect(nestsDeeperThan(bytes(`${'['.repeat(20_000)}${']'.repeat(20_000)}`), 32)).to.equal(true);
  });

  it('judges text that is not JSON without throwing (the parser refuses it afterwards)', () => {
    expect(nestsDeeperThan(bytes(']]]][[["unterminated'), 3)).to.equal(false);
    expect(nestsDeeperThan(bytes(''), 0)).to.equal(false);
  });
});
