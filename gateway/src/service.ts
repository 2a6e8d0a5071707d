import { createTokenVerifier } from '@paymesh/shared/auth';
import { runningService, startHttpServer, type RunningService } from '@paymesh/shared/http';
import type { Logger } from '@paymesh/shared/logger';
import { assembleGateway } from './assemble.js';
import type { GatewayConfig } from './config.js';

/** Wires the token verifier, the upstreams and the app, and listens. */
export async function startService(config: GatewayConfig, logger: Logger): Promise<RunningService> {
  const verifier = createTokenVerifier({
    jwksUrl: config.AUTH_JWKS_URL,
    cache: { maxEntries: config.TOKEN_CACHE_SIZE, ttlMs: config.TOKEN_CACHE_TTL_MS },
  });
  const { app, close } = assembleGateway(config, logger, verifier);
  const server = await startHttpServer(app, config.PORT, config.HOST);
  return runningService(server, close);
}
