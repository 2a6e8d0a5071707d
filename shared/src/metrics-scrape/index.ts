import { createRequire } from 'node:module';

export interface Sample {
  value?: string;
  labels?: Record<string, string>;
}

export interface MetricFamily {
  name: string;
  help: string;
  type: 'COUNTER' | 'GAUGE' | 'HISTOGRAM' | 'SUMMARY' | 'UNTYPED';
  metrics: Sample[];
}

// The parser ships CommonJS without type declarations; these are the shapes it documents.
const parsePrometheusTextFormat = createRequire(import.meta.url)('parse-prometheus-text-format') as (text: string) => MetricFamily[];

/**
 * For tests: GET `<baseUrl>/metrics` and parse it with a real Prometheus text parser, so a
 * malformed exposition fails the test rather than passing a regular expression.
 */
export async function scrapeMetrics(baseUrl: string, init?: RequestInit): Promise<Scrape> {
  const res = await fetch(new URL('/metrics', baseUrl), init);
  if (res.status !== 200) throw new Error(`GET /metrics answered ${res.status}`);
  const type = res.headers.get('content-type') ?? '';
  if (!type.startsWith('text/plain')) throw new Error(`GET /metrics answered ${type}, not the text format`);
  return parseScrape(await res.text());
}

/**
 * The parser folds every series of a labelled histogram into one (it only handles histograms
 * without labels), so histogram TYPE lines are dropped first: their `_bucket`, `_sum` and
 * `_count` lines then parse as plain series with their labels intact.
 */
export function parseScrape(text: string): Scrape {
  const plain = text.replace(/^# TYPE \S+ histogram$/gm, '');
  return new Scrape(parsePrometheusTextFormat(plain));
}

const matches = (sample: Sample, labels: Record<string, string>) =>
  Object.entries(labels).every(([name, value]) => sample.labels?.[name] === value);

export class Scrape {
  constructor(readonly families: MetricFamily[]) {}

  /** The samples of `name` whose labels include `labels`. */
  samples(name: string, labels: Record<string, string> = {}): Sample[] {
    return this.families.filter((family) => family.name === name).flatMap((family) => family.metrics.filter((sample) => matches(sample, labels)));
  }

  /** A counter's or gauge's value summed over the matching series; undefined when none match. */
  value(name: string, labels: Record<string, string> = {}): number | undefined {
    const found = this.samples(name, labels);
    return found.length === 0 ? undefined : found.reduce((sum, s) => sum + Number(s.value), 0);
  }

  /** A histogram's observation count summed over the matching series. */
  count(name: string, labels: Record<string, string> = {}): number {
    return this.value(`${name}_count`, labels) ?? 0;
  }
}
