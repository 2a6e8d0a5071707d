import type { Mesh } from '@paymesh/infra/stack';

async function answers(url: string, token?: string): Promise<boolean> {
  try {
    const res = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {}, signal: AbortSignal.timeout(2_000) });
    await res.body?.cancel();
    return res.ok;
  } catch {
    return false;
  }
}

/**
 * The mesh has recovered when every service is ready (its database and broker answer, and
 * analytics has caught up) and the gateway serves both a read from payment and the stats.
 * Each service is asked directly, so the gateway's own health limits never slow the probe.
 */
export function meshProbe(mesh: Mesh, token: string): () => Promise<boolean> {
  const { urls } = mesh;
  return async () => {
    const checks = await Promise.all([
      answers(`${urls.auth}/ready`),
      answers(`${urls.payment}/ready`),
      answers(`${urls.analytics}/ready`),
      answers(`${urls.gateway}/stats`),
      answers(`${urls.gateway}/payment/transactions/list?limit=1`, token),
    ]);
    return checks.every(Boolean);
  };
}
