import { expect } from 'chai';
import net from 'node:net';
import { once } from 'node:events';
import { startTcpProxy, type TcpProxy } from '../src/net/tcp-proxy.js';

/** A real echo server on a free loopback port. */
async function startEcho() {
  const server = net.createServer((socket) => socket.pipe(socket)).listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, port: (server.address() as net.AddressInfo).port };
}

async function roundTrip(port: number, text: string): Promise<{ answer: string; ms: number }> {
  const begun = Date.now();
  const socket = net.connect(port, '127.0.0.1');
  socket.write(text);
  const [chunk] = (await once(socket, 'data')) as [Buffer];
  socket.destroy();
  return { answer: chunk.toString(), ms: Date.now() - begun };
}

const refused = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });

describe('the fault proxy', () => {
  let echo: Awaited<ReturnType<typeof startEcho>>;
  let proxy: TcpProxy;
  beforeEach(async () => {
    echo = await startEcho();
    proxy = await startTcpProxy({ target: { host: '127.0.0.1', port: echo.port } });
  });
  afterEach(async () => {
    await proxy.close();
    echo.server.close();
  });

  it('passes bytes both ways unchanged', async () => {
    expect((await roundTrip(proxy.port, 'hello')).answer).to.equal('hello');
  });

  it('when cut, drops open connections and refuses new ones; restored, serves again on the same port', async () => {
    const open = net.connect(proxy.port, '127.0.0.1');
    await once(open, 'connect');

    await proxy.cut();

    await once(open, 'close');
    expect(await refused(proxy.port)).to.equal(true);
    await proxy.restore();
    expect((await roundTrip(proxy.port, 'back')).answer).to.equal('back');
  });

  it('with latency, holds each chunk that long each way, and none once latency is back to 0', async () => {
    proxy.setLatency(150);
    const slow = await roundTrip(proxy.port, 'slow');

    proxy.setLatency(0);
    const fast = await roundTrip(proxy.port, 'fast');

    expect(slow.answer).to.equal('slow');
    expect(slow.ms).to.be.at.least(300);
    expect(fast.answer).to.equal('fast');
  });
});
