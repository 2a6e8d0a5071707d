import { expect } from 'chai';
import { buildCredentials, queryAuthDb } from './support/factories.js';
import { startAuth } from './support/auth-test-service.js';
import { call } from './support/http.js';
import { startTcpProxy } from './support/tcp-proxy.js';

describe('GET /me', () => {
  let auth: Awaited<ReturnType<typeof startAuth>>;
  before(async () => {
    auth = await startAuth();
  });
  after(async () => {
    await auth.stop();
  });

  it("returns the token's user: id, username and created_at", async () => {
    const registered = await call<{ id: string; username: string; token: string }>(`${auth.url}/register`, { body: buildCredentials() });

    const res = await call(`${auth.url}/me`, { token: registered.body.token });

    expect(res.status).to.equal(200);
    expect(res.body).to.have.all.keys('id', 'username', 'created_at');
    expect(res.body).to.include({ id: registered.body.id, username: registered.body.username });
    expect(Date.now() - Date.parse(res.body.created_at as string)).to.be.within(0, 60_000);
  });

  it('without a bearer token, returns 401 with WWW-Authenticate: Bearer', async () => {
    const res = await call(`${auth.url}/me`);

    expect(res.status).to.equal(401);
    expect(res.headers.get('www-authenticate')).to.equal('Bearer');
    expect(res.body).to.include({ code: 'UNAUTHORIZED' });
  });

  it('when the user behind a valid token no longer exists, returns 404', async () => {
    const registered = await call<{ id: string; token: string }>(`${auth.url}/register`, { body: buildCredentials() });
    await queryAuthDb('delete from users where id = $1', [registered.body.id]);

    const res = await call(`${auth.url}/me`, { token: registered.body.token });

    expect(res.status).to.equal(404);
    expect(res.body).to.include({ code: 'USER_NOT_FOUND' });
  });

  it('with a token that is not a JWT, returns 401', async () => {
    const res = await call(`${auth.url}/me`, { token: 'not.a.token' });

    expect(res.status).to.equal(401);
    expect(res.body).to.include({ code: 'INVALID_TOKEN' });
  });
});

describe('GET /health and /ready', () => {
  let auth: Awaited<ReturnType<typeof startAuth>>;
  before(async () => {
    auth = await startAuth();
  });
  after(async () => {
    await auth.stop();
  });

  it('/health answers 200 while the process is alive', async () => {
    const res = await call(`${auth.url}/health`);

    expect(res.status).to.equal(200);
    expect(res.body).to.include({ status: 'ok', service: 'auth-service' });
  });

  it('/ready answers 200 with the database check up', async () => {
    const res = await call<{ status: string; checks: { database: { status: string } } }>(`${auth.url}/ready`);

    expect(res.status).to.equal(200);
    expect(res.body.checks.database.status).to.equal('up');
  });

  it('/ready answers 503 once the database stops answering', async () => {
    const databaseUrl = new URL(process.env.AUTH_DATABASE_URL!);
    const proxy = await startTcpProxy({ host: databaseUrl.hostname, port: Number(databaseUrl.port || 5432) });
    databaseUrl.host = `127.0.0.1:${proxy.port}`;
    const cut = await startAuth({ AUTH_DATABASE_URL: databaseUrl.toString() });
    try {
      await proxy.cut();

      const res = await call<{ status: string; checks: { database: { status: string } } }>(`${cut.url}/ready`);

      expect(res.status).to.equal(503);
      expect(res.body.checks.database.status).to.equal('down');
    } finally {
      await cut.stop();
    }
  });

  it('refuses to start when the database cannot be reached', async () => {
    const failure = await startAuth({ AUTH_DATABASE_URL: 'postgres://auth:auth@127.0.0.1:1/auth' }).catch((err: Error) => err);

    expect(failure).to.be.instanceOf(Error);
  });
});
