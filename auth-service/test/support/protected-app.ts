import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { authenticatedUser, createTokenVerifier, requireUser, type TokenVerifierOptions } from '@paymesh/shared/auth';
import { createHttpApp, startHttpServer } from '@paymesh/shared/http';
import { createLogger } from '@paymesh/shared/logger';

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

/** Serves the auth-service's JWKS through a counter, so a test can see how often verifiers fetch it. */
export async function startCountingJwks(jwksUrl: string) {
  let fetches = 0;
  const server: Server = createServer((_req, res) => {
    fetches += 1;
    fetch(jwksUrl)
      .then(async (upstream) => res.writeHead(upstream.status, { 'content-type': 'application/json' }).end(await upstream.text()))
      .catch(() => res.writeHead(502).end());
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
