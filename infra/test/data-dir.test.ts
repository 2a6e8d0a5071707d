import { expect } from 'chai';
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { postgresDataDir } from '../src/postgres/data-dir.js';

describe('where PostgreSQL keeps its data', () => {
  const asRoot = process.getuid?.() === 0;
  let base: string;

  beforeEach(() => {
    base = mkdtempSync(path.join(os.tmpdir(), 'paymesh-datadir-'));
  });

  afterEach(() => rmSync(base, { recursive: true, force: true }));

  it('keeps the checkout directory when the postgres user can reach it', () => {
    chmodSync(base, 0o755);
    const preferred = path.join(base, 'checkout', '.data', 'postgres');

    expect(postgresDataDir(preferred, path.join(base, 'checkout'), () => undefined)).to.equal(preferred);
  });

  it('as root, moves to a per-checkout temp directory when a parent is private (0700)', () => {
    const checkout = path.join(base, 'home', 'checkout');
    mkdirSync(checkout, { recursive: true });
    chmodSync(path.join(base, 'home'), 0o700);
    const lines: string[] = [];

    const chosen = postgresDataDir(path.join(checkout, '.data', 'postgres'), checkout, (l) => lines.push(l));

    // Not as root, postgres runs as the current user and needs no other access.
    if (!asRoot) return expect(chosen).to.equal(path.join(checkout, '.data', 'postgres'));
    expect(chosen.startsWith(os.tmpdir())).to.equal(true);
    expect(chosen).to.equal(postgresDataDir(path.join(checkout, '.data', 'postgres'), checkout, () => undefined));
    expect(lines.join('\n')).to.include('cannot reach');
  });
});
