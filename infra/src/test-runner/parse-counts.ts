export interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

// Test runners colour their summaries; counts are read from the plain text.
// eslint-disable-next-line no-control-regex
export const stripAnsi = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, '');

const count = (text: string, pattern: RegExp) => {
  const match = pattern.exec(text);
  return match ? Number(match[1]) : 0;
};

/** The totals of a mocha spec-reporter run ("12 passing", "1 failing", "2 pending"), or null if it printed none. */
export function parseMocha(output: string): Counts | null {
  const text = stripAnsi(output);
  if (!/\d+ passing/.test(text) && !/\d+ failing/.test(text)) return null;
  return {
    passed: count(text, /(\d+) passing/),
    failed: count(text, /(\d+) failing/),
    skipped: count(text, /(\d+) pending/),
  };
}

/** The totals of a vitest run ("Tests  1 failed | 11 passed (12)"), or null if it printed none. */
export function parseVitest(output: string): Counts | null {
  const text = stripAnsi(output);
  const line = /^\s*Tests\s+(.+)$/m.exec(text)?.[1];
  if (!line) return null;
  return {
    passed: count(line, /(\d+) passed/),
    failed: count(line, /(\d+) failed/),
    skipped: count(line, /(\d+) skipped/) + count(line, /(\d+) todo/),
  };
}
