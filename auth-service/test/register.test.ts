import { expect } from 'chai';
import { buildCredentials, decodeJwt, queryAuthDb, uniqueUsername } from './support/factories.js';
import { startAuth } from './support/auth-test-service.js';
import { call } from './support/http.js';

describe('POST /register', () => {
  let auth: Awaited<ReturnType<typeof startAuth>>;
  before(async () => {
    auth = await startAuth();
  });
  after(async () => {
    await auth.stop();
  });

  const register = (body: unknown) => call(`${auth.url}/register`, { body });
  const usersNamed = (username: string) =>
    queryAuthDb<{ username: string; password_hash: string }>('select * from users where lower(username) = lower($1)', [username]);

  it('creates the user and returns 201 with id, username and a token, never a hash', async () => {
    const credentials = buildCredentials();

    const res = await register(credentials);

    expect(res.status).to.equal(201);
    expect(res.body).to.have.all.keys('id', 'username', 'token');
    expect(res.body.username).to.equal(credentials.username);
    expect(JSON.stringify(res.body)).not.to.match(/\$2[aby]\$/);
    expect(decodeJwt(res.body.token as string).payload.sub).to.equal(res.body.id);
  });

  it('stores a bcrypt hash of the configured cost, not the password', async () => {
    const credentials = buildCredentials();

    await register(credentials);

    const [row] = await usersNamed(credentials.username);
    expect(row?.password_hash).to.match(/^\$2b\$04\$/);
    expect(row?.password_hash).not.to.contain(credentials.password);
  });

  it('when the username is taken in another letter case, returns 409 and keeps the first user', async () => {
    const first = buildCredentials({ username: uniqueUsername('Case') });
    await register(first);

    const res = await register(buildCredentials({ username: first.username.toUpperCase() }));

    expect(res.status).to.equal(409);
    expect(res.body).to.include({ code: 'USERNAME_TAKEN' });
    expect(res.body.request_id).to.be.a('string');
    expect((await usersNamed(first.username)).map((u) => u.username)).to.deep.equal([first.username]);
  });

  for (const [why, username] of <[string, string][]>[
    ['is shorter than 3 characters', 'ab'],
    ['is longer than 32 characters', `a${'b'.repeat(32)}`],
    ['has a space', 'bad name'],
    ['has a non-ASCII letter', 'jos\u00e9_user'],
    ['has a slash', 'a/b/c'],
  ]) {
    it(`when the username ${why}, returns 400 naming the field and creates nothing`, async () => {
      const res = await register(buildCredentials({ username }));

      expect(res.status).to.equal(400);
      expect(res.body).to.include({ code: 'VALIDATION_FAILED' });
      expect((res.body.fields as { field: string }[]).map((f) => f.field)).to.deep.equal(['username']);
      expect(await usersNamed(username)).to.have.length(0);
    });
  }

  it('accepts a 32-character username of letters, digits, "_", "." and "-" and keeps its case', async () => {
    const username = `A.b-c_${uniqueUsername('x')}`.padEnd(32, '9');

    const res = await register(buildCredentials({ username }));

    expect(res.status).to.equal(201);
    expect(res.body.username).to.equal(username);
  });

  it('accepts a 3-character username (a random one may already exist, so 409 is fine, 400 is not)', async () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-';
    const username = Array.from({ length: 3 }, () => alphabet[Math.floor(Math.random() * alphabet.length)]).join('');

    const res = await register(buildCredentials({ username }));

    expect([201, 409]).to.include(res.status);
  });

  it('when the password is shorter than 8 bytes, returns 400 and creates nothing', async () => {
    const credentials = buildCredentials({ password: 'seven77' });

    const res = await register(credentials);

    expect(res.status).to.equal(400);
    expect(res.body.fields).to.deep.equal([{ field: 'password', message: 'must be at least 8 bytes' }]);
    expect(await usersNamed(credentials.username)).to.have.length(0);
  });

  it('accepts a password of exactly 72 bytes of multi-byte UTF-8', async () => {
    const password = '\u20ac'.repeat(24); // 24 x 3 bytes

    const res = await register(buildCredentials({ password }));

    expect(Buffer.byteLength(password)).to.equal(72);
    expect(res.status).to.equal(201);
  });

  it('when the password is 73 bytes, returns 400 rather than truncating it', async () => {
    const credentials = buildCredentials({ password: `a${'\u20ac'.repeat(24)}` });

    const res = await register(credentials);

    expect(res.status).to.equal(400);
    expect(res.body.fields).to.deep.equal([{ field: 'password', message: 'must be at most 72 bytes of UTF-8' }]);
    expect(await usersNamed(credentials.username)).to.have.length(0);
  });

  it('when the body is missing or not JSON, returns 400 naming every field', async () => {
    const missing = await register({});
    const notJson = await call(`${auth.url}/register`, { body: '{"username":', headers: { 'content-type': 'application/json' } });

    expect(missing.status).to.equal(400);
    expect((missing.body.fields as { field: string }[]).map((f) => f.field)).to.have.members(['username', 'password']);
    expect(notJson.status).to.equal(400);
    expect(notJson.body).to.include({ code: 'INVALID_JSON' });
  });
});
