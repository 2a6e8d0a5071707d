import fc from 'fast-check';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';

/** One generated request, kept as parts so a failure prints readably. */
export interface FuzzRequest {
  method: string;
  target: string;
  headers: [string, string][];
  body?: Buffer;
  chunked: boolean;
}

/** What the generators aim at: a real attacker's token and a victim to impersonate. */
export interface FuzzTargets {
  attackerToken: string;
  victimId: string;
  victimName: string;
}

const ROUTES = [
  '/auth/login', '/auth/register', '/auth/me', '/auth/.well-known/jwks.json', '/payment/transactions', '/payment/transactions/list',
  '/payment/transactions/pay', '/analytics/stats', '/analytics/stats/me', '/analytics/stats/stream', '/analytics/stats/timeseries', '/stats', '/health', '/ready',
];
const SEGMENTS = ['auth', 'login', 'register', 'me', 'payment', 'transactions', 'list', 'pay', 'analytics', 'stats', 'stream', '', '.', '..', '%2F', '%2e', '%5C', '\\', '%00', '%'];
/** Printable text without the bytes that would end the request line or a header. */
const lineSafe = (max: number) => fc.string({ maxLength: max, unit: 'grapheme' }).map((s) => s.replace(/[\r\n\s]/g, ''));

const path = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...ROUTES) },
  fc.array(fc.oneof(fc.constantFrom(...SEGMENTS), lineSafe(8)), { minLength: 1, maxLength: 5 }).map((s) => `/${s.join('/')}`),
  fc.tuple(fc.constantFrom(...ROUTES), fc.nat(), fc.constantFrom('/', '\\', '/./', '%2F', '/x/../')).map(([p, at, trick]) => {
    const i = 1 + (at % (p.length - 1));
    return p.slice(0, i) + trick + p.slice(i);
  }),
  fc.constantFrom(...ROUTES).map((p) => `http://localhost${p}`),
);

/** Cursors as the list endpoint encodes them, over every date JavaScript can hold (years 0000, -1, 10000 included). */
const edgeDates = fc.constantFrom('0000-01-01T00:00:00.000Z', '-000001-12-31T23:59:59.999Z', '+010000-01-01T00:00:00.000Z', '1969-12-31T23:59:59.999Z').map((iso) => new Date(iso));
const cursor = fc.tuple(fc.oneof(fc.date({ noInvalidDate: true }), edgeDates), fc.uuid()).map(([date, id]) => Buffer.from(`${date.toISOString()}|${id}`).toString('base64url'));
const queryValue = fc.oneof(fc.constant(''), fc.integer().map(String), fc.double().map(String), fc.string({ maxLength: 20 }).map(encodeURIComponent), cursor, fc.constantFrom('%', '%zz', '%00', '1e3', '-0'));
const queryKey = fc.oneof(fc.constantFrom('limit', 'cursor', 'interval_ms', 'limit[]', '__proto__', 'constructor[prototype]'), fc.string({ maxLength: 8 }).map(encodeURIComponent));
const query = fc.array(fc.tuple(queryKey, queryValue), { maxLength: 4 }).map((pairs) => (pairs.length ? `?${pairs.map(([k, v]) => `${k}=${v}`).join('&')}` : ''));

const deep = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const amount = fc.oneof(fc.double(), fc.integer(), fc.string({ maxLength: 12 }), fc.constantFrom(1e308, -1, 0, 0.001, '12.345', 10_000.01, 2 ** 53));
const bodyText = (t: FuzzTargets) =>
  fc.oneof(
    fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
    fc.record({ amount, description: fc.string({ maxLength: 600 }), extra: fc.jsonValue({ maxDepth: 3 }) }, { requiredKeys: [] }).map((v) => JSON.stringify(v)),
    fc.record({ username: fc.oneof(fc.constant(t.victimName), fc.string({ maxLength: 40 })), password: fc.string({ maxLength: 90 }) }, { requiredKeys: [] }).map((v) => JSON.stringify(v)),
    fc.integer({ min: 1, max: 40 }).map((d) => `{"amount":1,"description":"deep","ignored":${deep(d)}}`),
    fc.integer({ min: 30, max: 20_000 }).map((d) => `{"a":${deep(d)}}`),
    fc.string({ maxLength: 200 }),
  );
const bodyBytes = (t: FuzzTargets) =>
  fc.oneof({ weight: 4, arbitrary: bodyText(t).map((s) => Buffer.from(s)) }, fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b)));
/** The body's bytes may be transformed whatever the headers claim, so claims and bytes disagree too. */
const transform = fc.constantFrom<(b: Buffer) => Buffer>((b) => b, (b) => b, (b) => gzipSync(b), (b) => deflateSync(b), (b) => brotliCompressSync(b), (b) => Buffer.from(b.toString(), 'utf16le'));

const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const headers = (t: FuzzTargets) =>
  fc
    .record({
      'Content-Type': optional(fc.constantFrom('application/json', 'application/json; charset=utf-8', 'application/json; charset=utf-16', 'application/json; charset=latin1', 'application/vnd.x+json', 'text/plain', 'application/x-www-form-urlencoded', '')),
      'Content-Encoding': optional(fc.constantFrom('gzip', 'deflate', 'br', 'identity', 'compress', 'gzip, gzip', '')),
      Authorization: optional(fc.oneof(fc.constant(`Bearer ${t.attackerToken}`), fc.constant(`Bearer ${t.attackerToken.split('.').slice(0, 2).join('.')}.`), lineSafe(40).map((s) => `Bearer ${s}`))),
      'Idempotency-Key': optional(fc.oneof(fc.uuid(), lineSafe(300))),
      'X-Request-Id': optional(lineSafe(200)),
      'X-User-Id': optional(fc.constant(t.victimId)),
      'X-Username': optional(fc.constant(t.victimName)),
      'X-Forwarded-Prefix': optional(lineSafe(30)),
      Origin: optional(fc.constantFrom('http://localhost:3000', 'http://evil.example')),
    })
    .map((h) => Object.entries(h).filter((e): e is [string, string] => e[1] !== undefined));

const anyRequest = (t: FuzzTargets): fc.Arbitrary<FuzzRequest> =>
  fc.record({
    method: fc.constantFrom('GET', 'POST', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD'),
    target: fc.tuple(path, query).map(([p, q]) => p + q),
    headers: headers(t),
    body: optional(fc.tuple(bodyBytes(t), transform).map(([b, f]) => f(b))),
    chunked: fc.boolean(),
  });

/** Requests that get past the edge with a real token, so the services' own checks are fuzzed too. */
const listPage = (t: FuzzTargets): fc.Arbitrary<FuzzRequest> =>
  fc.tuple(cursor, optional(fc.integer({ min: -5, max: 500 }))).map(([c, limit]) => ({
    method: 'GET',
    target: `/payment/transactions/list?cursor=${c}${limit === undefined ? '' : `&limit=${limit}`}`,
    headers: [['Authorization', `Bearer ${t.attackerToken}`]],
    chunked: false,
  }));
const idempotentCreate = (t: FuzzTargets): fc.Arbitrary<FuzzRequest> =>
  fc.tuple(fc.uuid(), fc.integer({ min: 1, max: 40 }), fc.boolean()).map(([key, depth, chunked]) => ({
    method: 'POST',
    target: '/payment/transactions',
    headers: [['Authorization', `Bearer ${t.attackerToken}`], ['Idempotency-Key', key], ['Content-Type', 'application/json']],
    body: Buffer.from(`{"amount":0.01,"description":"fuzz","ignored":${deep(depth)}}`),
    chunked,
  }));

export const fuzzRequest = (t: FuzzTargets): fc.Arbitrary<FuzzRequest> =>
  fc.oneof({ weight: 8, arbitrary: anyRequest(t) }, { weight: 1, arbitrary: listPage(t) }, { weight: 1, arbitrary: idempotentCreate(t) });

/** The request's bytes on the wire. */
export function toWire(r: FuzzRequest): Buffer {
  const head = [`${r.method} ${r.target} HTTP/1.1`, 'Host: localhost', 'Connection: close', ...r.headers.map(([k, v]) => `${k}: ${v}`)];
  if (r.body === undefined) return Buffer.from(`${head.join('\r\n')}\r\n\r\n`);
  if (!r.chunked) return Buffer.concat([Buffer.from(`${[...head, `Content-Length: ${r.body.length}`].join('\r\n')}\r\n\r\n`), r.body]);
  const chunks = [];
  for (let i = 0; i < r.body.length; i += 4096) {
    const part = r.body.subarray(i, i + 4096);
    chunks.push(Buffer.from(`${part.length.toString(16)}\r\n`), part, Buffer.from('\r\n'));
  }
  return Buffer.concat([Buffer.from(`${[...head, 'Transfer-Encoding: chunked'].join('\r\n')}\r\n\r\n`), ...chunks, Buffer.from('0\r\n\r\n')]);
}

/** A failing request, short enough to read in a report. */
export function describeRequest(r: FuzzRequest): string {
  const body = r.body === undefined ? '' : ` body(${r.body.length} B${r.chunked ? ', chunked' : ''}): ${JSON.stringify(r.body.subarray(0, 300).toString('latin1'))}`;
  return `${r.method} ${r.target} ${JSON.stringify(Object.fromEntries(r.headers.map(([k, v]) => [k, v.slice(0, 80)])))}${body}`;
}
