import { expect } from 'chai';
import { deflateSync, gzipSync, brotliCompressSync } from 'node:zlib';
import { useFakeMesh } from './support/fake-mesh.js';
import { bearer, call } from './support/http.js';

/** A body sent in chunks with no declared length, so the gateway has to read it itself. */
function chunked(bytes: Uint8Array, headers: Record<string, string>): RequestInit {
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let i = 0; i < bytes.length; i += 1024) controller.enqueue(bytes.slice(i, i + 1024));
      controller.close();
    },
  });
  return { method: 'POST', headers, body: stream, duplex: 'half' };
}

const credentials = JSON.stringify({ username: 'encoded_user', password: 'long-enough-pass' });
const nested = (depth: number) => `{"a":${'['.repeat(depth)}${']'.repeat(depth)},"amount":1}`;
const utf16 = (text: string, endian: 'le' | 'be') => {
  const le = Buffer.from(text, 'utf16le');
  return endian === 'le' ? le : Buffer.from(le).swap16();
};

describe('request body encodings and shapes at the edge', () => {
  const mesh = useFakeMesh();
  let token: string;
  const reached = () => mesh.auth.seen.length + mesh.payment.seen.length + mesh.analytics.seen.length;

  before(() => {
    token = mesh.issuer.sign();
  });

  const ENCODED: [encoding: string, body: Buffer][] = [
    ['gzip', gzipSync(credentials)],
    ['gzip', Buffer.from('this is not gzip')],
    ['deflate', deflateSync(credentials)],
    ['deflate', Buffer.from('{"not":"deflated"}')],
    ['br', brotliCompressSync(credentials)],
    ['x-unknown', Buffer.from(credentials)],
    ['gzip, identity', gzipSync(credentials)],
    ['GZIP', gzipSync(credentials)],
  ];
  const ROUTES: [what: string, method: string, path: string, auth: boolean][] = [
    ['login (parsed at the edge)', 'POST', '/auth/login', false],
    ['a create (streamed through)', 'POST', '/payment/transactions', true],
    ['the public stats', 'GET', '/stats', false],
    ['the JWKS', 'GET', '/auth/.well-known/jwks.json', false],
  ];

  for (const [encoding, body] of ENCODED) {
    for (const [what, method, path, needsToken] of ROUTES) {
      it(`answers Content-Encoding "${encoding}" on ${what} with 415 UNSUPPORTED_CONTENT_ENCODING and forwards nothing`, async () => {
        const before = reached();
        const headers = { 'content-type': 'application/json', 'content-encoding': encoding, ...(needsToken ? bearer(token) : {}) };

        const res = await call(`${mesh.gateway.url}${path}`, method === 'GET' ? { method, headers } : { method, headers, body });

        expect(res.status).to.equal(415);
        expect(res.body).to.include({ code: 'UNSUPPORTED_CONTENT_ENCODING', request_id: res.headers.get('x-request-id') });
        expect(reached()).to.equal(before);
      });
    }
  }

  it('accepts an explicit identity encoding', async () => {
    const res = await call(`${mesh.gateway.url}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-encoding': 'identity' }, body: credentials });

    expect(res.status).to.equal(200);
  });

  for (const charset of ['utf-16', 'UTF-16LE', 'iso-8859-1', 'latin1', 'nonsense']) {
    it(`answers a body declared as charset=${charset} with 415 UNSUPPORTED_CHARSET, saying only UTF-8 is accepted`, async () => {
      const before = reached();

      const res = await call(`${mesh.gateway.url}/auth/login`, { method: 'POST', headers: { 'content-type': `application/json; charset=${charset}` }, body: credentials });

      expect(res.status).to.equal(415);
      expect(res.body).to.include({ code: 'UNSUPPORTED_CHARSET' });
      expect(res.body.error).to.match(/UTF-8/);
      expect(reached()).to.equal(before);
    });
  }

  for (const endian of ['le', 'be'] as const) {
    for (const bom of [false, true]) {
      it(`answers a valid UTF-16${endian.toUpperCase()} JSON body${bom ? ' with a byte-order mark' : ''}, sent chunked, with 415 UNSUPPORTED_CHARSET`, async () => {
        const before = reached();
        const body = utf16(`${bom ? '\uFEFF' : ''}${credentials}`, endian);

        const res = await call(`${mesh.gateway.url}/auth/login`, chunked(body, { 'content-type': 'application/json' }));

        expect(res.status).to.equal(415);
        expect(res.body).to.include({ code: 'UNSUPPORTED_CHARSET' });
        expect(reached()).to.equal(before);
      });
    }
  }

  it('answers bytes that are not UTF-8 with 400 INVALID_JSON', async () => {
    const body = Buffer.concat([Buffer.from('{"username":"'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('","password":"long-enough-pass"}')]);

    const res = await call(`${mesh.gateway.url}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

    expect(res.status).to.equal(400);
    expect(res.body).to.include({ code: 'INVALID_JSON' });
  });

  for (const depth of [33, 1000, 20_000]) {
    it(`answers JSON nested ${depth} deep with 400 JSON_TOO_DEEP, on login and on a chunked create alike`, async () => {
      const before = reached();
      const body = new TextEncoder().encode(nested(depth));

      const login = await call(`${mesh.gateway.url}/auth/login`, chunked(body, { 'content-type': 'application/json' }));
      const create = await call(`${mesh.gateway.url}/payment/transactions`, chunked(body, { 'content-type': 'application/json', ...bearer(token) }));

      expect([login.status, create.status]).to.deep.equal([400, 400]);
      expect(login.body).to.include({ code: 'JSON_TOO_DEEP' });
      expect(create.body).to.include({ code: 'JSON_TOO_DEEP' });
      expect(reached()).to.equal(before);
    });
  }

  it('lets brackets inside strings and nesting up to the limit through', async () => {
    const body = `{"username":"deep_ok","password":"${'[{'.repeat(20)}","x":${'['.repeat(31)}${']'.repeat(31)}}`;

    const res = await call<{ body: string }>(`${mesh.gateway.url}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

    expect(res.status).to.equal(200);
    expect(res.body.body).to.equal(body);
  });

  it('forwards a parsed body as the very bytes it checked: spacing, key order, escapes and charset kept, length matching', async () => {
    const body = '{ "password" : "p\\u00e4ss \\"q\\" ünï", "username":"Bytes_Kept" }\n';

    const res = await call<{ body: string }>(`${mesh.gateway.url}/auth/login`, chunked(Buffer.from(body), { 'content-type': 'application/json; charset=UTF-8' }));

    const seen = mesh.auth.seen.at(-1)!;
    expect(res.status).to.equal(200);
    expect(seen.body).to.equal(body);
    expect(seen.headers['content-length']).to.equal(String(Buffer.byteLength(body)));
    expect(seen.headers['content-type']).to.equal('application/json; charset=UTF-8');
    expect(seen.headers['transfer-encoding']).to.equal(undefined);
    expect(seen.headers['content-encoding']).to.equal(undefined);
  });
});
