import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { expect } from 'chai';
import { call } from '@paymesh/infra/testing';
import { hs256WithPublicKey, signRs, unsignedToken, validClaims, withTamperedClaims } from './support/forge.js';
import { startJwksServer, startProtectedApp } from './support/protected-app.js';

/**
 * The verifier every service and the gateway use, behind requireUser, against a JWKS served
 * from this process with a key made here: each attack below differs from a good token by one thing.
 */
describe('token verifier (createTokenVerifier + requireUser)', () => {
  const user = { id: randomUUID(), username: 'alice' };
  const kid = randomUUID();
  const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  let jwks: Awaited<ReturnType<typeof startJwksServer>>;
  let app: Awaited<ReturnType<typeof startProtectedApp>>;
  const good = () => signRs(validClaims(user), keys.privateKey, { kid });
  const now = () => Math.floor(Date.now() / 1000);

  before(async () => {
    jwks = await startJwksServer([{ kid, publicKey: keys.publicKey }]);
    app = await startProtectedApp({ jwksUrl: jwks.url });
  });
  after(async () => {
    await app.close();
    await jwks.close();
  });

  const whoami = (token: string, url = app.url) => call(`${url}/whoami`, { token });

  it('accepts a token signed with a published key and gives the route only the verified user', async () => {
    const res = await whoami(good());

    expect(res.status).to.equal(200);
    expect(res.body).to.deep.equal({ userId: user.id, username: user.username });
  });

  const attacks: [string, () => string][] = [
    ['an unsigned token (alg: none)', () => unsignedToken(validClaims(user), kid)],
    ['an HS256 token signed with the public key as the secret', () => hs256WithPublicKey(validClaims(user), keys.publicKey, kid)],
    ['an expired token', () => signRs({ ...validClaims(user), iat: now() - 7200, exp: now() - 60 }, keys.privateKey, { kid })],
    ['a token for another audience', () => signRs({ ...validClaims(user), aud: 'someone-else' }, keys.privateKey, { kid })],
    ['a token from another issuer', () => signRs({ ...validClaims(user), iss: 'evil-auth' }, keys.privateKey, { kid })],
    ['a token whose payload was changed after signing', () => withTamperedClaims(good(), (c) => ({ ...c, sub: randomUUID() }))],
    ['a token with no expiry', () => signRs({ sub: user.id, username: user.username, iss: 'paymesh-auth', aud: 'paymesh' }, keys.privateKey, { kid })],
    ['a token signed with RS512 instead of the pinned RS256', () => signRs(validClaims(user), keys.privateKey, { kid, alg: 'RS512' })],
    ['a token that names no key', () => signRs(validClaims(user), keys.privateKey)],
    ['a token signed by a look-alike key under the real kid', () => signRs(validClaims(user), generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey, { kid })],
    ['a token whose subject is not a user id', () => signRs({ ...validClaims(user), sub: 'admin' }, keys.privateKey, { kid })],
    ['a token longer than 4 kB', () => signRs({ ...validClaims(user), pad: 'x'.repeat(5000) }, keys.privateKey, { kid })],
    ['a string that is not a JWT', () => 'garbage'],
  ];
  for (const [what, forge] of attacks) {
    it(`rejects ${what} with 401 and WWW-Authenticate: Bearer`, async () => {
      const res = await whoami(forge());

      expect(res.status).to.equal(401);
      expect(res.headers.get('www-authenticate')).to.equal('Bearer');
      expect(res.body.code).to.be.oneOf(['INVALID_TOKEN', 'TOKEN_EXPIRED']);
      expect(res.body).not.to.have.property('userId');
    });
  }

  it('says TOKEN_EXPIRED for an expired token, so a client knows to log in again', async () => {
    const res = await whoami(signRs({ ...validClaims(user), iat: now() - 7200, exp: now() - 60 }, keys.privateKey, { kid }));

    expect(res.body.code).to.equal('TOKEN_EXPIRED');
  });

  it('verifies known keys from memory: no JWKS fetch per request', async () => {
    await whoami(good());
    const before = jwks.fetches();

    for (let i = 0; i < 10; i++) expect((await whoami(good())).status).to.equal(200);

    expect(jwks.fetches()).to.equal(before);
  });

  it('does not let forged kids hammer the auth service: 20 unknown kids cost at most one JWKS fetch', async () => {
    await whoami(good());
    const before = jwks.fetches();

    const results = await Promise.all(Array.from({ length: 20 }, () => whoami(signRs(validClaims(user), keys.privateKey, { kid: randomUUID() }))));

    expect(results.map((r) => r.status)).to.deep.equal(Array(20).fill(401));
    expect(jwks.fetches() - before).to.be.at.most(1);
  });

  it('rejects alg: none and HS256 tokens before any key lookup', async () => {
    const fresh = await startJwksServer([{ kid, publicKey: keys.publicKey }]);
    const freshApp = await startProtectedApp({ jwksUrl: fresh.url });
    try {
      await whoami(unsignedToken(validClaims(user), kid), freshApp.url);
      await whoami(hs256WithPublicKey(validClaims(user), keys.publicKey, kid), freshApp.url);

      expect(fresh.fetches()).to.equal(0);
    } finally {
      await freshApp.close();
      await fresh.close();
    }
  });

  it('keeps accepting tokens of cached keys while the JWKS is unreachable', async () => {
    const flaky = await startJwksServer([{ kid, publicKey: keys.publicKey }]);
    const flakyApp = await startProtectedApp({ jwksUrl: flaky.url });
    try {
      expect((await whoami(good(), flakyApp.url)).status).to.equal(200);
      await flaky.close();

      const res = await whoami(good(), flakyApp.url);

      expect(res.status).to.equal(200);
    } finally {
      await flakyApp.close();
    }
  });

  it('answers 503 AUTH_KEYS_UNAVAILABLE, not 401, when it has never been able to fetch the keys', async () => {
    const orphan = await startProtectedApp({ jwksUrl: 'http://127.0.0.1:1/.well-known/jwks.json' });
    try {
      const res = await whoami(good(), orphan.url);

      expect(res.status).to.equal(503);
      expect(res.body).to.include({ code: 'AUTH_KEYS_UNAVAILABLE' });
    } finally {
      await orphan.close();
    }
  });
});
