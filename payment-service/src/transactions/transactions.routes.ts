import { Router, type Request, type Response } from 'express';
import { authenticatedUser, requireUser, type TokenVerifier } from '@paymesh/shared/auth';
import { IDEMPOTENCY_HEADER, idempotencyKeyOf, requestFingerprint } from '../idempotency/idempotency.fingerprint.js';
import type { Idempotency, IdempotentOutcome } from '../idempotency/idempotency.service.js';
import { parseNewTransaction } from './transactions.input.js';
import { parsePageRequest } from './transactions.page.js';
import type { TransactionsService } from './transactions.service.js';

export interface TransactionsRoutesDeps {
  transactions: TransactionsService;
  idempotency: Idempotency;
  verifier: TokenVerifier;
}

function send(res: Response, outcome: IdempotentOutcome) {
  if (outcome.replayed) res.set('Idempotent-Replayed', 'true');
  res.status(outcome.status).json(outcome.body);
}

/** The gateway may mount us under a prefix (/payment); it says which in X-Forwarded-Prefix. */
function nextLink(req: Request, cursor: string, limit: number): string {
  const prefix = (req.get('x-forwarded-prefix') ?? '').replace(/[^A-Za-z0-9/_.-]/g, '').replace(/\/$/, '');
  const query = new URLSearchParams({ limit: String(limit), cursor });
  return `<${prefix}/transactions/list?${query.toString()}>; rel="next"`;
}

export function transactionsRoutes({ transactions, idempotency, verifier }: TransactionsRoutesDeps): Router {
  const router = Router();
  router.use('/transactions', requireUser(verifier));

  router.post('/transactions', async (req, res) => {
    const { userId } = authenticatedUser(res);
    const input = parseNewTransaction(req.body);
    const key = idempotencyKeyOf(req.get(IDEMPOTENCY_HEADER));
    const fingerprint = () => requestFingerprint('create-transaction', req.body);
    const outcome = await idempotency.run({ userId, key, fingerprint }, async (tx) => ({
      status: 201,
      body: await transactions.createTransaction(tx, userId, input),
    }));
    send(res, outcome);
  });

  router.get('/transactions/list', async (req, res) => {
    const { userId } = authenticatedUser(res);
    const page = parsePageRequest(req.query);
    const result = await transactions.listTransactions(userId, page);
    if (result.next) res.set('Link', nextLink(req, result.next, page.limit));
    res.json(result.items);
  });

  router.post('/transactions/pay', async (req, res) => {
    const { userId } = authenticatedUser(res);
    const key = idempotencyKeyOf(req.get(IDEMPOTENCY_HEADER));
    const fingerprint = () => requestFingerprint('pay-all', req.body);
    const outcome = await idempotency.run({ userId, key, fingerprint }, async (tx) => ({
      status: 200,
      body: await transactions.payAll(tx, userId),
    }));
    send(res, outcome);
  });

  return router;
}
