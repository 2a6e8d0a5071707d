import { stripAnsi } from './parse-counts.js';

/** Enough to name each failing test and its assertion; a long stack is cut, not the list of failures. */
const MAX_LINES = 150;

/**
 * What a failed suite said about its failures: mocha's block from "N failing" on, or vitest's
 * "Failed Tests" block. Printed again at the end of `npm test`, because CI keeps only the tail of
 * a long log, and a failure reported minutes earlier would be lost with the rest.
 */
export function failureDetails(output: string): string | null {
  const text = stripAnsi(output);
  const mocha = /^\s*\d+ failing/m.exec(text);
  const vitest = /^.*Failed Tests \d+.*$/m.exec(text);
  let block: string;
  if (mocha) block = text.slice(mocha.index);
  else if (vitest) block = text.slice(vitest.index).split(/^\s*Test Files\s/m)[0]!;
  else return null;
  const lines = block.trimEnd().split('\n');
  if (lines.length <= MAX_LINES) return lines.join('\n');
  return [...lines.slice(0, MAX_LINES), `… ${lines.length - MAX_LINES} more lines in the suite's output above`].join('\n');
}
