import { opsSummarySchema, type OpsSummary } from '@paymesh/contract/gateway';
import { request } from '@/lib/api-client';

// The contract's schema is loose: the gateway may add figures, and this screen keeps working when it does.
export { opsSummarySchema, type OpsSummary };
export type ServiceName = keyof OpsSummary['services'];

export async function fetchOpsSummary(signal?: AbortSignal): Promise<OpsSummary> {
  return (await request('/ops', { schema: opsSummarySchema, signal })).data;
}

export const opsKeys = { summary: ['ops', 'summary'] as const };
