// A service that is broken for good: it answers its readiness check once, then exits with code 3.
import http from 'node:http';

const server = http
  .createServer((_req, res) => {
    res.end('ok');
    setTimeout(() => process.exit(3), 20);
  })
  .listen(Number(process.argv[2]), '127.0.0.1');
process.on('SIGTERM', () => server.close(() => process.exit(0)));
