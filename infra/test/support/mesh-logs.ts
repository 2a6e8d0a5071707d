import { readFileSync } from 'node:fs';
import path from 'node:path';

export type LogLine = Record<string, unknown>;

/** The JSON lines a mesh service wrote to its log file so far (anything else in it skipped). */
export function serviceLogLines(logDir: string, service: string): LogLine[] {
  const text = readFileSync(path.join(logDir, `${service}.log`), 'utf8');
  return text.split('\n').flatMap((line) => {
    if (!line.startsWith('{')) return [];
    try {
      return [JSON.parse(line) as LogLine];
    } catch {
      return [];
    }
  });
}
