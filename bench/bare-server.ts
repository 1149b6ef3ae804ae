// The yardstick: a bare Node http server answering a JSON body of the same size as the measured endpoint.
import http from 'node:http';

const size = Number(process.env.BODY_BYTES ?? 2000);
const body = JSON.stringify({ items: [{ pad: 'x'.repeat(Math.max(0, size - 30)) }], total: 1 });
const server = http.createServer((_req, res) => {
  res.writeHead(200, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
});
server.listen(0, '127.0.0.1', () => {
  const addr = server.address();
  console.log(`LISTENING ${typeof addr === 'object' && addr ? addr.port : 0}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
