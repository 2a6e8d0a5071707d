import type { z } from 'zod';
import { jwksSchema, profileSchema, sessionSchema } from '@paymesh/contract/auth';
import { anyErrorBodySchema } from '@paymesh/contract/errors';
import { call as send, type CallInit, type JsonResponse } from '@paymesh/infra/testing';

export type { JsonResponse };

/** The contract's shape of each route's success, so every answer the tests see also proves the contract. */
const SUCCESS: Array<[RegExp, z.ZodType]> = [
  [/\/(register|login)$/, sessionSchema],
  [/\/me$/, profileSchema],
  [/\/\.well-known\/jwks\.json$/, jwksSchema],
];

function checkAgainstContract(url: string, status: number, body: unknown) {
  const route = SUCCESS.find(([path]) => path.test(new URL(url).pathname));
  if (!route || body === undefined) return;
  (status >= 400 ? anyErrorBodySchema : route[1]).parse(body);
}

/** infra's JSON call for black-box tests, with every answer also checked against the contract. */
export async function call<T = Record<string, unknown>>(url: string, init: CallInit = {}): Promise<JsonResponse<T>> {
  const res = await send<T>(url, init);
  checkAgainstContract(url, res.status, res.body);
  return res;
}
