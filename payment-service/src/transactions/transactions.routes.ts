import { Router, type Request, type Response } from 'express';
import { authenticatedUser, requireUser, type TokenVerifier } from '@paymesh/shared/auth';
import { IDEMPOTENCY_HEADER, idempotencyKeyOf, requestFingerprint } from '../idempotency/idempotency.fingerprint.js';
import type { IdempotentOutcome } from '../idempotency/idempotency.service.js';
import { parseNewTransaction } from './transactions.input.js';
import { parsePageRequest } from './transactions.page.js';
import type { Caller, TransactionsService } from './transactions.service.js';

export interface TransactionsRoutesDeps {
  transactions: TransactionsService;
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

/** The caller from the token, and the Idempotency-Key that makes this operation safe to retry. */
function callerOf(req: Request, res: Response, operation: string): Caller {
  const key = idempotencyKeyOf(req.get(IDEMPOTENCY_HEADER));
  return { userId: authenticatedUser(res).userId, key, fingerprint: () => requestFingerprint(operation, req.body) };
}

/** HTTP in and out only: the use cases, their units of work and rules live in the service. */
export function transactionsRoutes({ transactions, verifier }: TransactionsRoutesDeps): Router {
  const router = Router();
  router.use(['/transactions', '/limits'], requireUser(verifier));

  router.post('/transactions', async (req, res) => {
    const input = parseNewTransaction(req.body);
    send(res, await transactions.createTransaction(callerOf(req, res, 'create-transaction'), input));
  });

  router.get('/transactions/list', async (req, res) => {
    const { userId } = authenticatedUser(res);
    const page = parsePageRequest(req.query);
    const result = await transactions.listTransactions(userId, page);
    if (result.next) res.set('Link', nextLink(req, result.next, page.limit));
    res.json(result.items);
  });

  router.post('/transactions/pay', async (req, res) => {
    send(res, await transactions.payAll(callerOf(req, res, 'pay-all')));
  });

  // The cap is this server's configuration: clients read it here instead of keeping a copy.
  router.get('/limits', (_req, res) => {
    res.json(transactions.limits());
  });

  return router;
}
