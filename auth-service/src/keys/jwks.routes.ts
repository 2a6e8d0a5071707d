import { Router } from 'express';
import type { Keyring } from './keyring.js';

export function jwksRoutes(keyring: Keyring): Router {
  const router = Router();
  router.get('/.well-known/jwks.json', (_req, res) => {
    // Short enough that a rotation reaches caches well before the new key starts signing.
    res.set('Cache-Control', 'public, max-age=60').json(keyring.jwks());
  });
  return router;
}
