import { expect } from 'chai';
import { connect } from 'node:net';
import { deflateSync, gzipSync } from 'node:zlib';
import { buildCredentials, queryAuthDb } from './support/factories.js';
import { startAuth } from './support/auth-test-service.js';
import { call } from './support/http.js';

/** The raw answer to bytes sent as given, for what fetch will not send. */
function raw(url: string, request: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('error', reject);
    socket.on('end', () => resolve({ status: Number(text.split(' ')[1]), body: JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4)) as Record<string, unknown> }));
    socket.write(request);
  });
}

const usersNamed = async (username: string) =>
  (await queryAuthDb<{ n: number }>('select count(*)::int as n from users where lower(username) = lower($1)', [username]))[0]?.n;

describe('the shared request rules in auth-service (bodies, headers, login and register limits)', () => {
  let auth: Awaited<ReturnType<typeof startAuth>>;

  before(async () => {
    auth = await startAuth({ RATE_LIMIT_LOGIN_PER_IP: '10', RATE_LIMIT_LOGIN_PER_USERNAME: '5', RATE_LIMIT_REGISTER_PER_IP: '10' });
  });

  after(async () => {
    await auth.stop();
  });

  let nextClient = 0;
  const client = () => ({ 'x-forwarded-for': `10.5.0.${++nextClient}` });

  const ENCODED: [what: string, encoding: string, body: (json: string) => Buffer][] = [
    ['a well-formed gzip body', 'gzip', (json) => gzipSync(json)],
    ['a body that is not the gzip it claims', 'gzip', () => Buffer.from('not gzip')],
    ['a deflate body', 'deflate', (json) => deflateSync(json)],
    ['a body in an encoding nobody knows', 'x-unknown', (json) => Buffer.from(json)],
  ];

  for (const [what, encoding, encode] of ENCODED) {
    it(`answers ${what} with 415 UNSUPPORTED_CONTENT_ENCODING and registers nobody`, async () => {
      const credentials = buildCredentials();

      const res = await fetch(`${auth.url}/register`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-encoding': encoding, ...client() },
        body: encode(JSON.stringify(credentials)),
      });

      expect(res.status).to.equal(415);
      expect(await res.json()).to.include({ code: 'UNSUPPORTED_CONTENT_ENCODING' });
      expect(await usersNamed(credentials.username)).to.equal(0);
    });
  }

  it('answers a gzip Content-Encoding on the JWKS (a GET) with 415, not 500', async () => {
    const res = await call(`${auth.url}/.well-known/jwks.json`, { headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' } });

    expect(res.status).to.equal(415);
  });

  it('answers a UTF-16 body with 415 UNSUPPORTED_CHARSET, declared or not', async () => {
    const credentials = buildCredentials();
    const utf16 = Buffer.from(JSON.stringify(credentials), 'utf16le');

    const undeclared = await fetch(`${auth.url}/register`, { method: 'POST', headers: { 'content-type': 'application/json', ...client() }, body: utf16 });
    const declared = await call(`${auth.url}/register`, { body: JSON.stringify(credentials), headers: { 'content-type': 'application/json; charset=utf-16', ...client() } });

    expect([undeclared.status, declared.status]).to.deep.equal([415, 415]);
    expect(declared.body).to.include({ code: 'UNSUPPORTED_CHARSET' });
    expect(await usersNamed(credentials.username)).to.equal(0);
  });

  for (const depth of [40, 3_000]) {
    it(`answers a body nested ${depth} deep with 400 JSON_TOO_DEEP`, async () => {
      const res = await call(`${auth.url}/login`, { body: `{"x":${'['.repeat(depth)}${']'.repeat(depth)}}`, headers: client() });

      expect(res.status).to.equal(400);
      expect(res.body).to.include({ code: 'JSON_TOO_DEEP' });
    });
  }

  it('answers headers over 16 kB with 431 HEADERS_TOO_LARGE in JSON, and a broken request line with 400', async () => {
    const big = await raw(auth.url, `GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(17_000)}\r\n\r\n`);
    const broken = await raw(auth.url, 'NOT HTTP\r\n\r\n');

    expect(big).to.deep.include({ status: 431 });
    expect(big.body).to.include({ code: 'HEADERS_TOO_LARGE' });
    expect(broken.status).to.equal(400);
    expect(broken.body).to.include({ code: 'MALFORMED_REQUEST' });
  });

  it('limits failed logins per client itself, behind the gateway, without locking the user out elsewhere or counting successes', async () => {
    const victim = buildCredentials();
    await call(`${auth.url}/register`, { body: victim, headers: client() });
    const attacker = client();
    for (let i = 0; i < 5; i++) await call(`${auth.url}/login`, { body: { ...victim, password: 'wrong-password' }, headers: attacker });

    const attackerAgain = await call(`${auth.url}/login`, { body: victim, headers: attacker });
    const victimElsewhere = client();
    const successes = [];
    for (let i = 0; i < 7; i++) successes.push((await call(`${auth.url}/login`, { body: victim, headers: victimElsewhere })).status);

    expect(attackerAgain.status).to.equal(429);
    expect(attackerAgain.body).to.include({ code: 'RATE_LIMITED' });
    expect(successes).to.deep.equal(Array(7).fill(200));
  });

  it("gives registration its own budget: 12 registrations under a victim's name do not stop the victim logging in", async () => {
    const victim = buildCredentials();
    await call(`${auth.url}/register`, { body: victim, headers: client() });
    const attacker = client();
    const attempts = [];
    for (let i = 0; i < 12; i++) attempts.push((await call(`${auth.url}/register`, { body: victim, headers: attacker })).status);

    const login = await call(`${auth.url}/login`, { body: victim, headers: client() });

    expect(attempts.slice(0, 10).every((s) => s === 409)).to.equal(true);
    expect(attempts.slice(10)).to.deep.equal([429, 429]);
    expect(login.status).to.equal(200);
  });
});
