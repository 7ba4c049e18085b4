import { createServer, type Server } from 'node:net';

/** Returns `count` distinct free TCP ports on 127.0.0.1, found by binding port 0. */
export async function freePorts(count: number): Promise<number[]> {
  // Keep every server open until all are bound, so the kernel cannot hand out the same port twice.
  const servers: Server[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const server = createServer();
      servers.push(server);
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, '127.0.0.1', resolve);
      });
    }
    return servers.map((server) => {
      const address = server.address();
      if (address === null || typeof address === 'string') throw new Error('expected a TCP address');
      return address.port;
    });
  } finally {
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  }
}
