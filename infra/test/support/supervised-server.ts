import os from 'node:os';
import path from 'node:path';
import type { RestartPolicy } from '../../src/processes/restart-policy.js';
import { superviseService, type SupervisedService } from '../../src/processes/supervise.js';
import { freePort } from '../../src/wait-for.js';

export interface SupervisedServer {
  service: SupervisedService;
  url: string;
  lines: string[];
  givenUp: Promise<Error>;
}

/** A tiny real server (a script from this folder) under the mesh's supervisor, with its log lines kept for asserting. */
export async function superviseServer(script: 'ready-server.mjs' | 'crash-after-ready.mjs', policy?: RestartPolicy): Promise<SupervisedServer> {
  const port = await freePort();
  const lines: string[] = [];
  let giveUp: (err: Error) => void = () => undefined;
  const givenUp = new Promise<Error>((resolve) => {
    giveUp = resolve;
  });
  const service = await superviseService(
    {
      name: 'infra',
      port,
      env: {},
      command: process.execPath,
      args: [`test/support/${script}`, String(port)],
      readyPath: '/',
      logFile: path.join(os.tmpdir(), `paymesh-supervised-${port}.log`),
    },
    { log: (line) => lines.push(line), onGiveUp: giveUp, ...(policy ? { policy } : {}) },
  );
  return { service, url: `http://127.0.0.1:${port}/`, lines, givenUp };
}
