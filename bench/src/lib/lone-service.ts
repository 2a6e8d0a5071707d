import path from 'node:path';
import { dataDir } from '@paymesh/infra/stack';
import { spawnService, type ServiceProcess } from '@paymesh/infra/processes';
import { freePort } from '@paymesh/infra/testing';

/**
 * One service as its own process on a free port, for rows that measure it alone (B5, B6, B7):
 * nothing else of the mesh competes for the two cores while it is measured.
 */
export async function startLoneService(
  name: string,
  env: Record<string, string>,
  readyTimeoutMs = 90_000,
  /** Extra node flags, e.g. --cpu-prof for a profile of the service under a row's load. */
  nodeFlags: string[] = [],
): Promise<ServiceProcess & { url: string }> {
  const port = await freePort();
  const service = await spawnService({
    name,
    port,
    env: { LOG_LEVEL: 'warn', ...env },
    logFile: path.join(dataDir, 'bench', 'logs', `${name}-${port}.log`),
    readyTimeoutMs,
    ...(nodeFlags.length > 0 ? { args: [...nodeFlags, '--import', 'tsx', 'src/main.ts'] } : {}),
  });
  // Name the address: localhost may try ::1 first, and the service binds 127.0.0.1.
  return { ...service, url: `http://127.0.0.1:${port}` };
}
