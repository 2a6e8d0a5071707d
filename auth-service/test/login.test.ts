import { expect } from 'chai';
import { buildCredentials, queryAuthDb, waitFor } from './support/factories.js';
import { startAuth } from './support/auth-test-service.js';
import { call } from './support/http.js';

describe('POST /login', () => {
  let auth: Awaited<ReturnType<typeof startAuth>>;
  before(async () => {
    auth = await startAuth();
  });
  after(async () => {
    await auth.stop();
  });

  const register = async (credentials = buildCredentials()) => {
    const res = await call<{ id: string; username: string; token: string }>(`${auth.url}/register`, { body: credentials });
    return { ...res.body, password: credentials.password };
  };
  const login = (body: unknown, url = auth.url) => call(`${url}/login`, { body });

  it('returns 200 with id, username and a fresh token for the right password', async () => {
    const user = await register();

    const res = await login({ username: user.username, password: user.password });

    expect(res.status).to.equal(200);
    expect(res.body).to.have.all.keys('id', 'username', 'token');
    expect(res.body).to.include({ id: user.id, username: user.username });
    expect((await call(`${auth.url}/me`, { token: res.body.token as string })).status).to.equal(200);
  });

  it('matches the username in any letter case and answers with the case it was registered in', async () => {
    const user = await register(buildCredentials({ username: `MiXeD_${Date.now()}` }));

    const res = await login({ username: user.username.toLowerCase(), password: user.password });

    expect(res.status).to.equal(200);
    expect(res.body.username).to.equal(user.username);
  });

  it('answers a wrong password and an unknown user with the same generic 401', async () => {
    const user = await register();

    const wrongPassword = await login({ username: user.username, password: 'not-the-password' });
    const unknownUser = await login(buildCredentials());

    for (const res of [wrongPassword, unknownUser]) {
      expect(res.status).to.equal(401);
      expect(res.headers.get('www-authenticate')).to.equal('Bearer');
      expect(res.body).to.include({ code: 'INVALID_CREDENTIALS', error: 'The username or password is wrong' });
      expect(res.body).not.to.have.property('token');
    }
  });

  it('refuses a password that only shares the first 72 bytes with the real one, instead of truncating it', async () => {
    const user = await register(buildCredentials({ password: 'p'.repeat(72) }));

    const res = await login({ username: user.username, password: `${user.password}extra` });

    expect(res.status).to.equal(400);
    expect(res.body).not.to.have.property('token');
  });

  it('when the body breaks the rules, returns 400 naming the fields', async () => {
    const res = await login({ username: 42 });

    expect(res.status).to.equal(400);
    expect((res.body.fields as { field: string }[]).map((f) => f.field)).to.have.members(['username', 'password']);
  });

  it('takes as long for an unknown user as for a wrong password, because both run bcrypt', async function () {
    // Cost 8 makes a bcrypt check (~15 ms) stand well above the database lookup (~1 ms).
    const slow = await startAuth({ AUTH_BCRYPT_COST: '8' });
    try {
      const user = buildCredentials();
      await call(`${slow.url}/register`, { body: user });
      const wrong = { username: user.username, password: 'not-the-password' };
      const unknown = buildCredentials();
      const timeLogin = async (body: unknown) => {
        const started = performance.now();
        expect((await login(body, slow.url)).status).to.equal(401);
        return performance.now() - started;
      };
      // Warm both paths first (JIT, worker start), then alternate so machine load hits both alike.
      await timeLogin(wrong);
      await timeLogin(unknown);
      const times = { wrong: [] as number[], unknown: [] as number[] };
      for (let i = 0; i < 9; i++) {
        times.wrong.push(await timeLogin(wrong));
        times.unknown.push(await timeLogin(unknown));
      }
      const median = (list: number[]) => list.sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
      const [wrongPassword, unknownUser] = [median(times.wrong), median(times.unknown)];

      // Without the dummy hash an unknown user answers ~10x faster; with it, within noise.
      expect(unknownUser / wrongPassword).to.be.within(0.6, 1.6);
    } finally {
      await slow.stop();
    }
  });

  it('when the configured cost has changed, upgrades the stored hash at the next login', async () => {
    const user = await register();
    const stronger = await startAuth({ AUTH_BCRYPT_COST: '5' });
    try {
      const res = await login({ username: user.username, password: user.password }, stronger.url);

      expect(res.status).to.equal(200);
      await waitFor('the hash to be redone at cost 5', async () => {
        const [row] = await queryAuthDb<{ password_hash: string }>('select password_hash from users where id = $1', [user.id]);
        return row!.password_hash.startsWith('$2b$05$');
      }, 5000, 50);
      expect((await login({ username: user.username, password: user.password })).status).to.equal(200);
    } finally {
      await stronger.stop();
    }
  });
});
