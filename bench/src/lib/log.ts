export type Logger = (line: string) => void;

/** Progress lines on stderr, so stdout holds only the table. */
export function createBenchLogger(prefix = 'bench'): Logger {
  const begun = Date.now();
  return (line) => process.stderr.write(`[${prefix} +${((Date.now() - begun) / 1000).toFixed(0)}s] ${line}\n`);
}
