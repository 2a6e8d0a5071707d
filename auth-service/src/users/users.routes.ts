import { Router } from 'express';
import { authenticatedUser, requireUser, type TokenVerifier } from '@paymesh/shared/auth';
import { validate } from '@paymesh/shared/errors';
import { loginRequestSchema, registerRequestSchema } from '@paymesh/contract/auth';
import type { UsersService } from './users.service.js';

export function usersRoutes(users: UsersService, verifier: TokenVerifier): Router {
  const router = Router();

  router.post('/register', async (req, res) => {
    res.status(201).json(await users.register(validate(registerRequestSchema, req.body)));
  });

  router.post('/login', async (req, res) => {
    res.json(await users.login(validate(loginRequestSchema, req.body)));
  });

  router.get('/me', requireUser(verifier), async (_req, res) => {
    res.json(await users.profile(authenticatedUser(res).userId));
  });

  return router;
}
