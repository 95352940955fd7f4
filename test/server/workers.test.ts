/**
 * WORKERS: several server processes sharing the port (node:cluster), run as `npm start`
 * runs them (the bundled dist/server/main.js). Each test's workers share one Redis; the
 * memory store refuses to be split across processes.
 */
import { once } from 'node:events';
import { request } from 'node:http';
import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { restartDelayMs } from '../../server/workers.js';
import { killBuiltServer, startBuiltServer, type BuiltServer } from '../helpers/built-server.js';
import { b64, fakeEnvelope, newProofs } from '../helpers/proofs.js';
import { startRedis, type TestRedis } from '../helpers/redis-server.js';

let redis: TestRedis;
let server: BuiltServer | undefined;
beforeEach(async () => {
  redis = await startRedis();
});
afterEach(async () => {
  killBuiltServer(server);
  await redis.stop();
});

/** The pids of the workers that said they listen, in order. */
const workerPids = (log: string) =>
  [...log.matchAll(/"worker":(\d+),[^\n]*"msg":"worker listening"/g)].map(([, pid]) => Number(pid));

async function startWorkers(env: Record<string, string> = {}): Promise<BuiltServer> {
  const started = await startBuiltServer({ REDIS_URL: redis.url, WORKERS: '2', ...env });
  while (workerPids(started.log()).length < 2) await sleep(20);
  return started;
}

interface Reply {
  status: number;
  body: string;
}

/**
 * One request on a connection of its own, so the primary hands each to the next worker in
 * turn; status 0 when it fails or takes over 3 s (a connection handed to a worker just as
 * it was killed is never answered).
 */
function send(url: string, method: string, path: string, body?: string): Promise<Reply> {
  return new Promise((resolve) => {
    const req = request(
      `${url}${path}`,
      { method, agent: false, headers: body ? { 'content-type': 'application/json' } : {} },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.setTimeout(3000, () => req.destroy());
    req.on('error', () => resolve({ status: 0, body: '' }));
    req.end(body);
  });
}

/** What a new connection to the server meets: `connected` (then closed at once), or the error's code. */
function connectOutcome(url: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(Number(new URL(url).port), '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
  });
}

const createBody = () => JSON.stringify({ ciphertext: b64(fakeEnvelope()), accessHash: newProofs().accessHash });

/** The pids that logged an answer to these requests. */
const pidsAnswering = (log: string, route: string) =>
  new Set([...log.matchAll(new RegExp(`"pid":(\\d+)[^\\n]*"route":"${route}"`, 'g'))].map(([, pid]) => pid));

it('adds up the metrics of every worker on the one metrics port', async () => {
  server = await startWorkers({ METRICS_PORT: '0', RATE_LIMIT_CREATE: '0', MAX_UPLOADS_PER_CLIENT: '0' });
  const creates = 20;
  for (let i = 0; i < creates; i++)
    expect((await send(server.url, 'POST', '/api/secrets', createBody())).status).toBe(201);

  // Both workers answered some, and the primary's scrape counts them all.
  expect(pidsAnswering(server.log(), '/api/secrets').size).toBe(2);
  const metricsUrl = /Metrics at (http:\/\/127\.0\.0\.1:\d+\/metrics)/.exec(server.log())![1]!;
  const text = await (await fetch(metricsUrl)).text();
  expect(text).toContain(`burnlink_secrets_created_total ${creates}\n`);
  expect(text).toContain(`burnlink_http_requests_total{method="POST",route="/api/secrets",status="201"} ${creates}\n`);
  // The metrics port is the primary's alone: no worker tried to open one (it would have failed the start).
  expect(server.log().match(/Metrics at /g)).toHaveLength(1);
}, 30_000);

it('replaces a killed worker while the other keeps serving', async () => {
  server = await startWorkers();
  const [doomed] = workerPids(server.log());
  const replies: Reply[] = [];
  let running = true;
  const loops = Array.from({ length: 4 }, async () => {
    while (running) replies.push(await send(server!.url, 'GET', '/readyz'));
  });
  // The kill lands while both workers answer the loops.
  while (pidsAnswering(server.log(), '/readyz').size < 2) await sleep(20);
  process.kill(doomed!, 'SIGKILL');
  const killedAt = replies.length;
  while (workerPids(server.log()).length < 3) await sleep(20);
  // The loops go on until the replacement answers some of them: it serves, and the whole gap is counted.
  const replacement = workerPids(server.log())[2]!;
  while (!pidsAnswering(server.log(), '/readyz').has(String(replacement))) await sleep(20);
  running = false;
  await Promise.all(loops);

  const afterKill = replies.slice(killedAt);
  expect(afterKill.length).toBeGreaterThan(20);
  // At most the requests in flight on the killed worker went unanswered, one per loop.
  expect(afterKill.filter((reply) => reply.status !== 200).length).toBeLessThanOrEqual(4);
  expect(server.log()).toMatch(new RegExp(`"worker":${doomed},"code":null,"signal":"SIGKILL"[^\\n]*worker died`));
  expect(replacement).not.toBe(doomed);
}, 30_000);

it('replaces a lone crash at once, and waits longer the more workers die within a minute', () => {
  expect([1, 2, 3, 4, 5, 6, 7, 20].map(restartDelayMs)).toEqual([0, 1000, 2000, 4000, 8000, 16_000, 30_000, 30_000]);
});

it('drains every worker on SIGTERM: requests in flight finish, new connections are refused, exit 0', async () => {
  server = await startWorkers();
  // A create on each worker (the primary hands connections out in turn), half sent when the
  // signal arrives. With Expect: 100-continue, Node says "100 Continue" as the worker takes
  // the request, so the signal waits for that rather than for a guessed time.
  const body = JSON.stringify({ ciphertext: b64(fakeEnvelope({ bytes: 3000 })), accessHash: newProofs().accessHash });
  const sockets = await Promise.all(
    [0, 1].map(async () => {
      const socket = connect(Number(new URL(server!.url).port), '127.0.0.1');
      await once(socket, 'connect');
      let response = '';
      socket.on('data', (chunk: Buffer) => (response += chunk.toString()));
      socket.write(
        `POST /api/secrets HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nExpect: 100-continue\r\n\r\n`,
      );
      socket.write(body.slice(0, 2000));
      while (!response.startsWith('HTTP/1.1 100 Continue\r\n\r\n')) await sleep(10);
      return { socket, response: () => response.slice(response.indexOf('\r\n\r\n') + 4) };
    }),
  );

  const exited = once(server.proc, 'exit');
  server.proc.kill('SIGTERM');
  while ((server.log().match(/"msg":"shutting down"/g) ?? []).length < 2) await sleep(10);
  // Each worker stops listening just after it says so, and the port closes once both have.
  let refused: string;
  while ((refused = await connectOutcome(server.url)) === 'connected') await sleep(10);
  expect(refused).toBe('ECONNREFUSED');

  for (const { socket, response } of sockets) {
    socket.write(body.slice(2000));
    while (!response().includes('\r\n\r\n{')) await sleep(10);
    expect(response()).toMatch(/^HTTP\/1\.1 201 /);
    expect(response().toLowerCase()).toContain('\r\nconnection: close\r\n');
    socket.destroy();
  }
  expect(await exited).toEqual([0, null]);
  expect(pidsAnswering(server.log(), '/api/secrets').size).toBe(2);
}, 30_000);

it('refuses WORKERS > 1 with the memory store, saying why', async () => {
  await expect(startBuiltServer({ WORKERS: '2' })).rejects.toThrow(
    /WORKERS must be 1 with the in-memory store \(got 2\): each process would keep secrets of its own/,
  );
});
