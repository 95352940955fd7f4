/**
 * The built executable (`node dist/cli/main.js`, from `npm run build`) as a user runs
 * it: real pipes, real exit codes, no shell.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../helpers/server.js';
import { tempDir } from './harness.js';

const MAIN = join(process.cwd(), 'dist/cli/main.js');

interface Exit {
  code: number | null;
  stdout: Buffer;
  stderr: string;
}

/** Runs the built CLI with `input` piped to stdin; never blocks the event loop the server needs. */
function cli(
  args: string[],
  options: { input?: string | Buffer; env?: Record<string, string>; cwd?: string } = {},
): Promise<Exit> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MAIN, ...args], {
      cwd: options.cwd,
      env: { PATH: process.env.PATH ?? '', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString() }));
    child.stdin.end(options.input ?? '');
  });
}

let server: RunningServer;
beforeAll(async () => {
  // `npm test` builds first; a bare `vitest run` may find no build yet.
  if (!existsSync(MAIN)) await promisify(execFile)('npx', ['tsc', '-p', 'tsconfig.node.json']);
  server = await startServer();
});
afterAll(async () => server?.close());

describe('the built burnlink executable', () => {
  it('starts with a shebang', async () => {
    expect((await readFile(MAIN, 'utf8')).startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it('sends from a pipe and gets the exact bytes back through a pipe', async () => {
    const text = 'pipe ✓\nsecond line\n\x1b[1mbold\x1b[0m';
    const sent = await cli(['send', '--expires', '1h'], { input: text, env: { BURNLINK_SERVER: server.url } });
    expect(sent.code).toBe(0);
    const link = sent.stdout.toString();
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/s\/[A-Za-z0-9_-]+#2\.[A-Za-z0-9_-]{43}\n$/);
    expect(sent.stderr).toMatch(/Status link/);

    const got = await cli(['get', link.trim()]);
    expect(got.code).toBe(0);
    expect(got.stdout.equals(Buffer.from(text))).toBe(true);

    const again = await cli(['get', link.trim()]);
    expect(again).toMatchObject({ code: 1, stderr: 'burnlink: This secret has already been viewed or has expired.\n' });
  });

  it('round-trips a file with a passphrase from the environment', async () => {
    const from = await tempDir();
    const to = await tempDir();
    const bytes = Buffer.from(Array.from({ length: 5000 }, (_, i) => i % 251));
    await writeFile(join(from, 'blob.bin'), bytes);
    const env = { BURNLINK_SERVER: server.url, BURNLINK_PASSPHRASE: 'open sesame' };
    const sent = await cli(['send', 'blob.bin', '--passphrase'], { cwd: from, env });
    expect(sent.code).toBe(0);
    const got = await cli(['get', sent.stdout.toString().trim()], { cwd: to, env });
    expect(got.code).toBe(0);
    expect((await readFile(join(to, 'blob.bin'))).equals(bytes)).toBe(true);
  });

  it('exits 0 for --help and 2 for an unknown flag or a damaged link', async () => {
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout.toString()).toMatch(/^Usage: burnlink <command>/);
    const bogus = await cli(['get', '--bogus']);
    expect(bogus.code).toBe(2);
    expect(bogus.stderr).toMatch(/Unknown option '--bogus'/);
    const damaged = await cli(['get', `${server.url}/s/abc#1.xyz`]);
    expect(damaged.code).toBe(2);
  });

  it('asks for a secret and exits 4 before the answer, 3 for a second answer, 1 once read', async () => {
    const env = { BURNLINK_SERVER: server.url };
    const made = await cli(['request', '--note-file', '-'], { input: 'the key, please\n', env });
    expect(made.code).toBe(0);
    const requestLink = made.stdout.toString().trim();
    const inboxLink = /\S+\/i\/\S+/.exec(made.stderr)![0];
    expect((await cli(['get', inboxLink])).code).toBe(4);
    const answered = await cli(['answer', requestLink], { input: 'k3y' });
    expect(answered.code).toBe(0);
    expect(answered.stderr).toMatch(/^The request says:\n {2}the key, please\n/);
    expect((await cli(['answer', requestLink], { input: 'again' })).code).toBe(3);
    const got = await cli(['get', '-'], { input: inboxLink });
    expect(got).toMatchObject({ code: 0, stdout: Buffer.from('k3y') });
    expect((await cli(['get', inboxLink])).code).toBe(1);
  });
});
