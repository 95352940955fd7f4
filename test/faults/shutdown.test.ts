/**
 * Graceful shutdown of the real process (`node dist/server/main.js`, built by `npm run
 * build`): on SIGTERM a request already in flight finishes and its secret is stored
 * (the store closes only after the last request), new connections are refused, and the
 * process exits 0 within a bound.
 */
import { once } from 'node:events';
import { connect, type Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { afterEach, expect, it } from 'vitest';
import { killBuiltServer, startBuiltServer, type BuiltServer } from '../helpers/built-server.js';
import { b64, fakeEnvelope, newProofs } from '../helpers/proofs.js';
import { startRedis, type TestRedis } from '../helpers/redis-server.js';

const EXIT_BOUND_MS = 5000;

let server: BuiltServer | undefined;
let redis: TestRedis | undefined;
afterEach(async () => {
  killBuiltServer(server);
  await redis?.stop();
});

function connectTo(url: string): Promise<Socket> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1');
    socket.once('connect', () => resolve(socket));
    socket.once('error', reject);
  });
}

/** Resolves once the server refuses new connections (closing its listener takes a moment after the signal). */
async function refusingConnections(url: string): Promise<void> {
  for (;;) {
    try {
      (await connectTo(url)).destroy();
    } catch (error) {
      expect(error).toMatchObject({ code: 'ECONNREFUSED' });
      return;
    }
    await sleep(10);
  }
}

it('finishes the request in flight, refuses new connections and exits 0 on SIGTERM', async () => {
  redis = await startRedis();
  server = await startBuiltServer({ REDIS_URL: redis.url });

  // A create whose body is half sent when the signal arrives. Its "100 Continue" says that
  // the server has read the headers: the request is in flight.
  const p = newProofs();
  const body = JSON.stringify({ ciphertext: b64(fakeEnvelope({ bytes: 3000 })), accessHash: p.accessHash });
  const socket = await connectTo(server.url);
  let response = '';
  socket.on('data', (chunk: Buffer) => (response += chunk.toString()));
  socket.write(
    `POST /api/secrets HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nExpect: 100-continue\r\n\r\n`,
  );
  while (!response.includes('\r\n\r\n')) await sleep(10);
  expect(response).toBe('HTTP/1.1 100 Continue\r\n\r\n');
  response = '';
  socket.write(body.slice(0, 2000));

  const signalled = Date.now();
  const exited = once(server.proc, 'exit');
  server.proc.kill('SIGTERM');
  while (!server.log().includes('shutting down')) await sleep(10);

  // No new connection is accepted while the in-flight request drains.
  await refusingConnections(server.url);

  socket.write(body.slice(2000));
  while (!response.includes('\r\n\r\n{')) await sleep(10);
  expect(response).toMatch(/^HTTP\/1\.1 201 /);
  // The connection is closed after the answer, so keep-alive does not hold the shutdown open.
  expect(response.toLowerCase()).toContain('\r\nconnection: close\r\n');
  const { id } = JSON.parse(response.slice(response.indexOf('\r\n\r\n') + 4)) as { id: string };

  const [code] = (await exited) as [number | null];
  const tookMs = Date.now() - signalled;
  expect(code).toBe(0);
  expect(tookMs).toBeLessThan(EXIT_BOUND_MS);

  // The in-flight secret really reached Redis before the store closed.
  const inspect = new Redis(redis.url);
  expect(await inspect.exists(`bl:{${id}}:s`, `bl:{${id}}:r`)).toBe(2);
  await inspect.quit();
  socket.destroy();
  console.log(`shutdown: in-flight create finished (201, stored), new connection refused, exit 0 after ${tookMs} ms`);
}, 30_000);
