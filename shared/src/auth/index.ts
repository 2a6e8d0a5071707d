export { TOKEN_ISSUER, TOKEN_AUDIENCE, TOKEN_ALGORITHMS, type VerifiedUser } from './claims.js';
export { createTokenVerifier, type TokenVerifier, type TokenVerifierOptions } from './token-verifier.js';
export { requireUser, authenticatedUser, bearerToken } from './require-user.js';
export { cacheVerifiedTokens, type VerifiedTokenCacheOptions } from './verified-token-cache.js';
