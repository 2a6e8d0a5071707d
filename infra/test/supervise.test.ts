import { expect } from 'chai';
import { once } from 'node:events';
import { createCrashLog } from '../src/processes/restart-policy.js';
import { waitFor } from '../src/wait-for.js';
import { superviseServer, type SupervisedServer } from './support/supervised-server.js';

const answers = async (url: string) => (await fetch(url)).ok;
const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('supervising a service', function () {
  this.timeout(30_000);
  let server: SupervisedServer | undefined;
  afterEach(async () => {
    await server?.service.stop();
    server = undefined;
  });

  it('when the service is killed with SIGKILL, starts a new process that answers again and logs the signal', async () => {
    server = await superviseServer('ready-server.mjs');
    const first = server.service.child;

    first.kill('SIGKILL');
    await waitFor('a restarted process', async () => server!.service.restarts === 1 && (await answers(server!.url)), 15_000, 50);

    expect(server.service.child.pid).to.not.equal(first.pid);
    expect(server.lines.join('\n')).to.include('signal SIGKILL').and.include('restarted');
  });

  it('when the service crashes on every start, gives up after the allowed crashes, says why, and starts no more', async () => {
    server = await superviseServer('crash-after-ready.mjs', { initialDelayMs: 10, maxDelayMs: 40, maxCrashes: 3, windowMs: 60_000 });

    const reason = await server.givenUp;

    expect(reason.message).to.include('3 times').and.include('exit code 3');
    expect(server.service.restarts).to.equal(2);
    expect(server.lines.filter((line) => line.includes('restarting it in'))).to.have.length(2);
  });

  it('when stop() ends the service, does not restart it', async () => {
    server = await superviseServer('ready-server.mjs');
    const pid = server.service.child.pid!;

    await server.service.stop();

    expect(isAlive(pid)).to.equal(false);
    expect(server.service.restarts).to.equal(0);
    expect(server.lines.join('\n')).to.not.include('restarting');
  });

  it('when stop() comes during the back-off before a restart, abandons the restart', async () => {
    server = await superviseServer('ready-server.mjs', { initialDelayMs: 5_000, maxDelayMs: 5_000, maxCrashes: 5, windowMs: 60_000 });
    const first = server.service.child;
    const exited = once(first, 'exit');
    first.kill('SIGKILL');
    await exited;
    await waitFor('the restart to be scheduled', () => Promise.resolve(server!.lines.some((l) => l.includes('restarting it in'))), 5_000, 20);

    await server.service.stop();

    expect(server.service.restarts).to.equal(0);
    expect(server.service.child.pid).to.equal(first.pid);
  });
});

describe('the restart policy', () => {
  const policy = { initialDelayMs: 100, maxDelayMs: 1_000, maxCrashes: 4, windowMs: 60_000 };

  it('doubles the delay with each crash in the window, up to the maximum', () => {
    const crashes = createCrashLog({ ...policy, maxCrashes: 10 });

    const delays = [0, 1, 2, 3, 4, 5].map((i) => crashes.record(i * 1_000)).map((v) => (v.giveUp ? 'gave up' : v.delayMs));

    expect(delays).to.deep.equal([100, 200, 400, 800, 1_000, 1_000]);
  });

  it('gives up at the allowed number of crashes within the window', () => {
    const crashes = createCrashLog(policy);

    const verdicts = [0, 1, 2, 3].map((i) => crashes.record(i * 1_000).giveUp);

    expect(verdicts).to.deep.equal([false, false, false, true]);
  });

  it('forgets crashes older than the window, so a process that ran quietly starts again from the short delay', () => {
    const crashes = createCrashLog(policy);
    [0, 1_000, 2_000].forEach((at) => crashes.record(at));

    const verdict = crashes.record(70_000);

    expect(verdict).to.deep.equal({ giveUp: false, delayMs: 100, recentCrashes: 1 });
  });
});
