import os from 'node:os';
import path from 'node:path';
import { spawnService, type ServiceProcess } from '../../src/processes/spawn-service.js';

/** spawnService on ready-server.mjs: a real child process that starts in milliseconds. */
export function startReadyServer(port: number, options: { sharedSession?: boolean } = {}): Promise<ServiceProcess> {
  return spawnService({
    name: 'infra',
    port,
    env: {},
    command: process.execPath,
    args: ['test/support/ready-server.mjs', String(port)],
    readyPath: '/',
    logFile: path.join(os.tmpdir(), `paymesh-ready-server-${port}.log`),
    ...options,
  });
}
