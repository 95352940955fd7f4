/**
 * The production build as `npm start` runs it: `node dist/server/main.js` (which loads
 * the bundle dist/server/server.cjs, built by `npm run build`) in a child process, configured by environment.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { expect } from 'vitest';

export const BUILT_MAIN = 'dist/server/main.js';

export interface BuiltServer {
  proc: ChildProcess;
  url: string;
  /** Everything the process wrote to stdout and stderr so far. */
  log(): string;
}

/** Starts the built server (or a copy of its `main`) on a free port of 127.0.0.1 and resolves once it listens. */
export async function startBuiltServer(env: Record<string, string>, main = BUILT_MAIN): Promise<BuiltServer> {
  expect(existsSync(main), `${main} is missing: run "npm run build"`).toBe(true);
  const proc = spawn(process.execPath, [main], {
    env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // A test run that dies half-way must not leave the server behind.
  const killOnExit = () => proc.kill('SIGKILL');
  process.once('exit', killOnExit);
  proc.once('exit', () => process.off('exit', killOnExit));
  let log = '';
  proc.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
  proc.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const deadline = Date.now() + 10_000;
  let url: string | undefined;
  while (!url) {
    if (Date.now() > deadline || proc.exitCode !== null || proc.signalCode !== null) {
      proc.kill('SIGKILL');
      throw new Error(`the server did not start:\n${log}`);
    }
    url = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(log)?.[1];
    await sleep(20);
  }
  return { proc, url, log: () => log };
}

/** Kills a server still running (a test that failed half-way). */
export function killBuiltServer(server: BuiltServer | undefined): void {
  const proc = server?.proc;
  if (proc && proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
}
