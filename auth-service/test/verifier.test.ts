import { expect } from 'chai';
import { buildCredentials, decodeJwt, type Session } from './support/factories.js';
import { startAuth } from './support/auth-test-service.js';
import { call } from './support/http.js';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * auth-service checks its own tokens on GET /me with the shared verifier (whose attack matrix is
 * tested in shared); these prove the route is wired to it and not to a looser check.
 */
describe('GET /me with a forged token', () => {
  let auth: Awaited<ReturnType<typeof startAuth>>;
  let user: Session;

  before(async () => {
    auth = await startAuth();
    user = (await call<Session>(`${auth.url}/register`, { body: buildCredentials() })).body;
  });
  after(() => auth.stop());

  it('refuses a real token whose payload was changed after signing with 401 and WWW-Authenticate: Bearer', async () => {
    const [header, , signature] = user.token.split('.');
    const forged = `${header}.${b64({ ...decodeJwt(user.token).payload, username: 'admin' })}.${signature}`;

    const res = await call(`${auth.url}/me`, { token: forged });

    expect(res.status).to.equal(401);
    expect(res.headers.get('www-authenticate')).to.equal('Bearer');
  });

  it('refuses an unsigned token (alg: none) naming the real key with 401', async () => {
    const { header, payload } = decodeJwt(user.token);

    const res = await call(`${auth.url}/me`, { token: `${b64({ alg: 'none', typ: 'JWT', kid: header.kid })}.${b64(payload)}.` });

    expect(res.status).to.equal(401);
    expect(res.body).to.have.property('code', 'INVALID_TOKEN');
  });
});
