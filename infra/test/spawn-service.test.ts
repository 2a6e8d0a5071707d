import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { ServiceProcess } from '../src/processes/spawn-service.js';
import { freePort, waitFor } from '../src/wait-for.js';
import { startReadyServer } from './support/ready-server.js';

/** The fields of /proc/<pid>/stat after the command name (state, ppid, pgrp, session, …), or undefined once it is gone. */
function statFields(pid: number | string): string[] | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined; // gone
  }
  // The command name may hold spaces and parentheses: count from its last closing parenthesis.
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

const sessionOf = (pid: number | string) => Number(statFields(pid)?.[3]);

/** Running, and not a zombie waiting to be reaped (an orphan's reaper may be slow to). */
const isRunning = (pid: number) => ![undefined, 'Z'].includes(statFields(pid)?.[0]);

describe('spawning a service', function () {
  // Sessions and /proc are Linux's; elsewhere these checks have nothing to read.
  before(function () {
    if (process.platform !== 'linux') this.skip();
  });

  let service: ServiceProcess | undefined;
  afterEach(async () => {
    await service?.stop();
    service = undefined;
  });

  it('on Linux, runs the service in a session of its own, so the kernel shares CPU with it as with a container', async () => {
    service = await startReadyServer(await freePort());

    const pid = service.child.pid!;
    expect(sessionOf(pid)).to.equal(pid);
    expect(sessionOf(pid)).to.not.equal(sessionOf('self'));
  });

  it("on Linux, with sharedSession, leaves the service in the launcher's session", async () => {
    service = await startReadyServer(await freePort(), { sharedSession: true });

    expect(sessionOf(service.child.pid!)).to.equal(sessionOf('self'));
  });

  it('on Linux, when a launcher without signal handlers is interrupted, the service it started is stopped too', async () => {
    // Arrange: in a session of its own the service does not get the terminal's Ctrl-C itself.
    const launcher = spawn(process.execPath, ['--import', 'tsx', 'test/support/launcher.ts'], { stdio: ['ignore', 'pipe', 'inherit'] });
    const [line] = (await once(createInterface({ input: launcher.stdout }), 'line')) as [string];
    const { pid } = JSON.parse(line) as { pid: number };
    expect(isRunning(pid)).to.equal(true);

    // Act
    launcher.kill('SIGINT');
    await once(launcher, 'exit');

    // Assert
    await waitFor(`service ${pid} to stop`, () => Promise.resolve(!isRunning(pid)), 10_000, 50);
  });
});
