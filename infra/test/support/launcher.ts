// A launcher that starts one service and then waits, with no signal handling of its own, as a
// test script or a bench would be: it prints the service's pid and waits to be interrupted.
import { freePort } from '../../src/wait-for.js';
import { startReadyServer } from './ready-server.js';

const service = await startReadyServer(await freePort());
console.log(JSON.stringify({ pid: service.child.pid }));
setInterval(() => undefined, 60_000);
