import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect } from 'chai';
import { createTokenVerifier } from '@paymesh/shared/auth';
import { buildCredentials, decodeJwt, queryAuthDb, waitFor, type Session } from './support/factories.js';
import { startAuth } from './support/auth-test-service.js';
import { call } from './support/http.js';
import { generateSigningKey, type NewSigningKey } from '../src/keys/signing-key.js';

/** A key as an earlier deployment would have left it, dated `createdAt`. */
const insertKey = (key: NewSigningKey, createdAt: Date) =>
  queryAuthDb('insert into signing_keys (kid, private_key_pem, public_jwk, created_at) values ($1, $2, $3, $4)', [
    key.kid,
    key.privateKeyPem,
    key.publicJwk,
    createdAt,
  ]);

const workspace = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface Jwks {
  keys: Record<string, unknown>[];
}

const register = async (authUrl: string) => (await call<Session>(`${authUrl}/register`, { body: buildCredentials() })).body;
const kidOf = (token: string) => decodeJwt(token).header.kid as string;
const publishedKids = async (jwksUrl: string) => (await call<Jwks>(jwksUrl)).body.keys.map((key) => key.kid as string);

describe('tokens and signing keys', () => {
  let auth: Awaited<ReturnType<typeof startAuth>>;
  before(async () => {
    auth = await startAuth();
  });
  after(async () => {
    await auth.stop();
  });

  it('signs RS256 tokens with a kid header and the claims sub, username, iss, aud, iat and exp one hour later', async () => {
    const user = await register(auth.url);

    const { header, payload } = decodeJwt(user.token);

    expect(header).to.include({ alg: 'RS256', typ: 'JWT' });
    expect(header.kid).to.be.a('string');
    expect(payload).to.include({ sub: user.id, username: user.username, iss: 'paymesh-auth', aud: 'paymesh' });
    expect((payload.exp as number) - (payload.iat as number)).to.equal(3600);
  });

  it('makes tokens last AUTH_TOKEN_TTL_SECONDS', async () => {
    const shortLived = await startAuth({ AUTH_TOKEN_TTL_SECONDS: '120' });
    try {
      const { payload } = decodeJwt((await register(shortLived.url)).token);

      expect((payload.exp as number) - (payload.iat as number)).to.equal(120);
    } finally {
      await shortLived.stop();
    }
  });

  it('publishes the signing key at /.well-known/jwks.json as an RSA public key, with no private part', async () => {
    const user = await register(auth.url);

    const res = await call<Jwks>(auth.jwksUrl);

    expect(res.status).to.equal(200);
    const key = res.body.keys.find((k) => k.kid === kidOf(user.token));
    expect(key).to.include({ kty: 'RSA', alg: 'RS256', use: 'sig', e: 'AQAB' });
    for (const k of res.body.keys) expect(k).to.have.all.keys('kty', 'n', 'e', 'kid', 'alg', 'use');
  });

  it('keeps tokens valid across a restart, because the keys live in the database', async () => {
    const first = await startAuth();
    const user = await register(first.url);
    await first.stop();

    const second = await startAuth();
    try {
      const res = await call(`${second.url}/me`, { token: user.token });

      expect(res.status).to.equal(200);
      expect(res.body.id).to.equal(user.id);
    } finally {
      await second.stop();
    }
  });

  it('after `npm run rotate-key`, publishes the new key, signs with it, and still accepts tokens of the old one', async () => {
    const verifier = createTokenVerifier({ jwksUrl: auth.jwksUrl, refetchesPerMinute: 600 });
    const before = await register(auth.url);
    await verifier.verify(before.token); // caches the JWKS as it was before the rotation

    const { stdout } = await promisify(execFile)('npm', ['run', '--silent', 'rotate-key'], { cwd: workspace, env: process.env });
    const newKid = (JSON.parse(stdout.trim().split('\n').pop()!) as { kid: string }).kid;

    await waitFor('the new key to be published', async () => (await publishedKids(auth.jwksUrl)).includes(newKid), 5000, 50);
    let after = before;
    await waitFor('new tokens to be signed with the new key', async () => {
      after = await register(auth.url);
      return kidOf(after.token) === newKid;
    }, 5000, 100);
    expect(await publishedKids(auth.jwksUrl)).to.include(kidOf(before.token));
    expect((await call(`${auth.url}/me`, { token: before.token })).status).to.equal(200);
    expect((await verifier.verify(before.token)).userId).to.equal(before.id);
    expect((await verifier.verify(after.token)).userId).to.equal(after.id);
  });

  it('adds a new key at start when the newest one is older than AUTH_KEY_MAX_AGE_HOURS, and deletes keys replaced over 7 days ago', async () => {
    const startedAt = new Date();
    const day = 24 * 3_600_000;
    const [longGone, lastOld] = [await generateSigningKey(), await generateSigningKey()];
    await insertKey(longGone, new Date(Date.now() - 30 * day));
    await insertKey(lastOld, new Date(Date.now() - 29 * day));

    const strict = await startAuth({ AUTH_KEY_MAX_AGE_HOURS: '0.000001', AUTH_KEY_REFRESH_SECONDS: '60' });
    try {
      const fresh = await queryAuthDb<{ kid: string }>('select kid from signing_keys where created_at >= $1', [startedAt]);
      const remaining = await queryAuthDb<{ kid: string }>('select kid from signing_keys where kid = any($1)', [[longGone.kid, lastOld.kid]]);

      expect(fresh).to.have.length.of.at.least(1);
      expect(await publishedKids(strict.jwksUrl)).to.include.members(fresh.map((row) => row.kid));
      // Replaced 29 days ago by lastOld: gone. lastOld was replaced only by today's keys: kept.
      expect(remaining.map((row) => row.kid)).to.deep.equal([lastOld.kid]);
    } finally {
      await strict.stop();
      await queryAuthDb('delete from signing_keys where kid = any($1)', [[longGone.kid, lastOld.kid]]);
    }
  });
});
