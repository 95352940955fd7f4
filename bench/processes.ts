/**
 * The servers under test run as child processes of the same Node binary, so the load
 * generator in this process does not compete with them for one event loop.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { get } from 'node:http';
import { freePort } from '../test/helpers/redis-server.js';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';

export const REPO_ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
/** The built production server, as `npm start` runs it. */
export const SERVER_ENTRY = resolve(REPO_ROOT, 'dist/server/main.js');
export const WEB_ROOT = resolve(REPO_ROOT, 'dist/public');
const BARE_ENTRY = resolve(REPO_ROOT, 'bench/bare-server.mjs');

const READY_TIMEOUT_MS = 15_000;
const READY_POLL_MS = 5;

export interface ChildServer {
  origin: string;
  /** The process id, to read its memory from /proc. */
  pid: number;
  /** Milliseconds from spawn until the ready path first answered 200. */
  readyMs: number;
  /** SIGTERM, then SIGKILL if it has not exited within a few seconds. */
  stop(): Promise<void>;
}

export interface BurnlinkServerOptions {
  /** Unset: the memory store. */
  redisUrl?: string;
  /** Extra `node` flags, e.g. ['--cpu-prof', '--cpu-prof-dir=/tmp/prof']. */
  nodeFlags?: string[];
  /** Another build of main.js to run instead (to compare a patched copy with this one). */
  entry?: string;
  /** Variables to add or override, e.g. { LOG_LEVEL: 'info' } to see what logging costs. */
  env?: Record<string, string>;
}

/** Fails early with the command to run when the build is missing. */
export function assertBuilt(): void {
  for (const file of [SERVER_ENTRY, resolve(WEB_ROOT, 'create.html')]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run "npm run build" first (npm run bench does).`);
  }
}

/** Starts `node dist/server/main.js` configured for benchmarking and waits for /readyz. */
export async function startBurnlink(options: BurnlinkServerOptions = {}): Promise<ChildServer> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'silent',
    WEB_ROOT,
    // Per-client limits and budgets off (issue 11): they would turn a load test from one
    // address into a 429 test.
    RATE_LIMIT_CREATE: '0',
    RATE_LIMIT_REVEAL: '0',
    RATE_LIMIT_MANAGE: '0',
    BYTE_BUDGET_MIB_DAYS: '0',
    MAX_UPLOADS_PER_CLIENT: '0',
    MEMORY_STORE_BYTES: String(2048 * 1024 * 1024),
    ...(options.redisUrl && { REDIS_URL: options.redisUrl }),
    ...options.env,
  };
  return startChild([...(options.nodeFlags ?? []), options.entry ?? SERVER_ENTRY], env, port, '/readyz');
}

/** Starts the bare twin: a bare Fastify app on the same Node (bench/bare-server.mjs). */
export async function startBare(): Promise<ChildServer> {
  const port = await freePort();
  return startChild([BARE_ENTRY], { PATH: process.env.PATH, PORT: String(port) }, port, '/');
}

async function startChild(
  args: string[],
  env: NodeJS.ProcessEnv,
  port: number,
  readyPath: string,
): Promise<ChildServer> {
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  // A crashed or interrupted bench must not leave servers behind.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const stop = async () => {
    process.off('exit', killOnExit);
    await stopChild(child);
  };
  const origin = `http://127.0.0.1:${port}`;
  try {
    const deadline = started + READY_TIMEOUT_MS;
    while ((await status(`${origin}${readyPath}`)) !== 200) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`${args.at(-1)} exited before it was ready:\n${stderr}`);
      }
      if (performance.now() > deadline)
        throw new Error(`${args.at(-1)} was not ready within ${READY_TIMEOUT_MS} ms:\n${stderr}`);
      await sleep(READY_POLL_MS);
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { origin, pid: child.pid!, readyMs: performance.now() - started, stop };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

/** The status code of a GET, or 0 when nothing answered. */
function status(url: string): Promise<number> {
  return new Promise((resolve) => {
    const request = get(url, { agent: false, timeout: 1000 }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(0));
  });
}
