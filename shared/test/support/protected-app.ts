import type { KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { authenticatedUser, createTokenVerifier, requireUser, type TokenVerifierOptions } from '../../src/auth/index.js';
import { createHttpApp, startHttpServer } from '../../src/http/index.js';
import { createLogger } from '../../src/logger/index.js';

/** A service that uses the shared verifier the way payment-service and the gateway do. */
export async function startProtectedApp(options: TokenVerifierOptions) {
  const verifier = createTokenVerifier(options);
  const app = createHttpApp({ service: 'verifier-test', logger: createLogger('verifier-test', 'silent') }, (app) => {
    app.get('/whoami', requireUser(verifier), (_req, res) => {
      res.json(authenticatedUser(res));
    });
  });
  return startHttpServer(app, 0);
}

/**
 * A JWKS endpoint for hand-made keys that counts its fetches, so a test can see how often a
 * verifier asks; `close()` takes it away, as an auth service that went down.
 */
export async function startJwksServer(keys: { kid: string; publicKey: KeyObject }[]) {
  let fetches = 0;
  const body = JSON.stringify({ keys: keys.map(({ kid, publicKey }) => ({ ...publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' })) });
  const server: Server = createServer((_req, res) => {
    fetches += 1;
    res.writeHead(200, { 'content-type': 'application/json' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`,
    fetches: () => fetches,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
