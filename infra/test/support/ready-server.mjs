// The smallest thing spawnService can start: answers 200 to everything on the port it is given, exits on SIGTERM.
import http from 'node:http';

const server = http.createServer((_req, res) => res.end('ok')).listen(Number(process.argv[2]), '127.0.0.1');
process.on('SIGTERM', () => server.close(() => process.exit(0)));
