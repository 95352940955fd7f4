/**
 * A throwaway redis-server for tests: its own free port on 127.0.0.1 (never 6379), its
 * own temporary directory, no persistence unless the caller turns it on, and noeviction
 * like production. The directory lives until stop(), so a restart — even after a
 * SIGKILL — loads whatever the server persisted (the durability tests rely on it).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const REDIS_SERVER = '/usr/bin/redis-server';
const DEFAULT_ARGS = ['--save', '', '--appendonly', 'no', '--maxmemory-policy', 'noeviction'];
const READY_TIMEOUT_MS = 10_000;

type StopSignal = 'SIGTERM' | 'SIGKILL';

export interface TestRedis {
  port: number;
  url: string;
  /** Kills the server and removes its directory. */
  stop(): Promise<void>;
  /**
   * Starts the server again on the same port and in the same directory, stopping it
   * first if it runs (SIGTERM by default; SIGKILL to simulate a crash).
   */
  restart(options?: { signal?: StopSignal }): Promise<void>;
  /** Stops the server but keeps its directory, for a later restart(): a Redis outage. */
  kill(signal?: StopSignal): Promise<void>;
  /** Freezes the server (SIGSTOP): connections stay open but nothing answers, like a network partition. */
  freeze(): void;
  /** Lets a frozen server run on (SIGCONT). */
  thaw(): void;
}

/**
 * Starts redis-server on a free port and resolves once it answers PING. `config` is the
 * text of a configuration file in the server's directory, for what must be in one
 * (Sentinel rewrites its own).
 */
export async function startRedis(options: { args?: string[]; config?: string } = {}): Promise<TestRedis> {
  const dir = await mkdtemp(join(tmpdir(), 'burnlink-redis-'));
  const args = [...DEFAULT_ARGS, ...(options.args ?? [])];
  if (options.config !== undefined) {
    // redis-server takes a configuration file only as its first argument.
    const file = join(dir, 'redis.conf');
    await writeFile(file, options.config);
    args.unshift(file);
  }
  let server: RunningServer | undefined;
  // Something else may grab the probed port before redis-server binds it: try another.
  for (let attempt = 1; !server; attempt++) {
    try {
      server = await launch(await freePort(), dir, args);
    } catch (error) {
      if (attempt === 3) {
        await rm(dir, { recursive: true, force: true });
        throw error;
      }
    }
  }
  const { port } = server;
  const kill = async (signal: StopSignal = 'SIGTERM') => server?.stop(signal);
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    stop: async () => {
      await kill();
      await rm(dir, { recursive: true, force: true });
    },
    kill,
    freeze: () => server?.signal('SIGSTOP'),
    thaw: () => server?.signal('SIGCONT'),
    restart: async ({ signal = 'SIGTERM' } = {}) => {
      await kill(signal);
      await mkdir(dir, { recursive: true });
      server = await launch(port, dir, args);
    },
  };
}

interface RunningServer {
  port: number;
  stop(signal: StopSignal): Promise<void>;
  signal(signal: NodeJS.Signals): void;
}

async function launch(port: number, dir: string, args: string[]): Promise<RunningServer> {
  const child = spawn(REDIS_SERVER, [...args, '--port', String(port), '--bind', '127.0.0.1', '--dir', dir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000));
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  // A crashed test run must not leave a redis-server behind.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const stop = async (signal: StopSignal) => {
    process.off('exit', killOnExit);
    await kill(child, signal);
  };
  try {
    await waitUntilReady(port, child, () => output);
  } catch (error) {
    await stop('SIGKILL');
    throw error;
  }
  return { port, stop, signal: (signal) => void child.kill(signal) };
}

async function waitUntilReady(port: number, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`redis-server exited before it was ready:\n${output()}`);
    }
    if (await answersPing(port)) return;
    await sleep(25);
  }
  throw new Error(`redis-server did not answer PING within ${READY_TIMEOUT_MS} ms:\n${output()}`);
}

function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const finish = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => finish(false));
    socket.once('error', () => finish(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (reply) => finish(reply.toString().startsWith('+PONG')));
  });
}

async function kill(child: ChildProcess, signal: StopSignal): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGCONT'); // a frozen server cannot act on SIGTERM
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
  await exited;
  clearTimeout(timer);
}

/** A port that was free a moment ago: bind port 0, read what the OS chose, release it. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => {
        if (address && typeof address === 'object' && address.port !== 6379) resolve(address.port);
        else reject(new Error('could not find a free port'));
      });
    });
  });
}
