// A test server on a free port of 127.0.0.1, and its base URL once it listens.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export async function listening(server: Server): Promise<{ server: Server; base: string }> {
  if (!server.listening) await new Promise((done) => server.once('listening', done));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}
