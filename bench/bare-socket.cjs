'use strict';
// The floor of any Node program that talks to a broker, for start-up comparisons (bench/README.md):
// connect, two ApiVersions v0 requests written by hand (two round trips), exit. No Kafka client,
// no command line: node:net, the streams and one socket.
//
//   node bench/bare-socket.cjs host:port
const net = require('node:net');

const [host, port] = (process.argv[2] ?? '').split(':');
if (!host || !port) throw new Error('usage: node bench/bare-socket.cjs host:port');
const clientId = Buffer.from('bare-socket');
/** ApiVersions v0: size, api key 18, version 0, correlation id, client id. */
const request = (correlationId) => {
  const bytes = Buffer.alloc(4 + 2 + 2 + 4 + 2 + clientId.length);
  let at = bytes.writeInt32BE(bytes.length - 4, 0);
  at = bytes.writeInt16BE(18, at);
  at = bytes.writeInt16BE(0, at);
  at = bytes.writeInt32BE(correlationId, at);
  at = bytes.writeInt16BE(clientId.length, at);
  clientId.copy(bytes, at);
  return bytes;
};
let answers = 0;
const socket = net.connect(Number(port), host, () => socket.write(request(1)));
socket.on('data', () => {
  answers += 1;
  if (answers === 1) socket.write(request(2));
  else socket.end();
});
socket.on('error', (error) => {
  process.exitCode = 1;
  process.stderr.write(`bare-socket: ${error.message}\n`);
});
