/**
 * Runs the CLI in-process against fake streams, and counts what reaches a real test
 * server, for the CLI tests.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable, Writable } from 'node:stream';
import { onTestFinished } from 'vitest';
import type { CliEnv, InputStream } from '../../cli/env.js';
import { run } from '../../cli/run.js';
import { startServer, type RunningServer } from '../helpers/server.js';

/** A writable that keeps every byte written to it. */
export class Capture extends Writable {
  readonly #chunks: Buffer[] = [];
  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    this.#chunks.push(chunk);
    callback();
  }
  get bytes(): Buffer {
    return Buffer.concat(this.#chunks);
  }
  get text(): string {
    return this.bytes.toString('utf8');
  }
}

export type FakeTerminal = PassThrough & { rawModes: boolean[]; setRawMode(raw: boolean): void };

/** A fake terminal on stdin: raw-mode switches are recorded, keystrokes arrive one chunk each. */
export function fakeTerminal(keystrokes: string[]): FakeTerminal {
  const input = new PassThrough() as FakeTerminal;
  input.rawModes = [];
  input.setRawMode = (raw) => void input.rawModes.push(raw);
  for (const keys of keystrokes) input.write(keys);
  return input;
}

export interface RunOptions {
  /** Piped stdin; ignored when `terminal` is given. */
  stdin?: string | Uint8Array;
  /** Stdin is a terminal that types these chunks. */
  terminal?: InputStream;
  env?: Record<string, string>;
  cwd?: string;
  stdoutIsTTY?: boolean;
}

export interface RunResult {
  code: number;
  stdout: Buffer;
  /** stdout as UTF-8. */
  out: string;
  stderr: string;
}

/** Runs `burnlink ...args` in-process. */
export async function burnlink(args: string[], options: RunOptions = {}): Promise<RunResult> {
  const stdout = new Capture();
  const stderr = new Capture();
  const env: CliEnv = {
    argv: args,
    env: options.env ?? {},
    stdin: options.terminal ?? Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]),
    stdout,
    stderr,
    cwd: options.cwd ?? process.cwd(),
    isTTY: { stdin: options.terminal !== undefined, stdout: options.stdoutIsTTY ?? false, stderr: false },
  };
  const code = await run(env);
  return { code, stdout: stdout.bytes, out: stdout.text, stderr: stderr.text };
}

/** A fresh temporary directory, removed when the test ends. */
export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'burnlink-cli-'));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** A real server whose log tells how many requests reached it. */
export interface CountingServer extends RunningServer {
  requests(): number;
}

/** Starts a server on 127.0.0.1 that logs each request (and never ids or keys) into memory. */
export async function startCountingServer(): Promise<CountingServer> {
  const log = new Capture();
  const server = await startServer({ logLevel: 'info' }, { logStream: log });
  return {
    ...server,
    requests: () => log.text.split('\n').filter((line) => line.includes('"request completed"')).length,
  };
}

/** Makes a request through the CLI: the request link from stdout, the inbox link from stderr. */
export async function makeRequest(
  server: { url: string },
  args: string[] = [],
  options: RunOptions = {},
): Promise<{ requestLink: string; inboxLink: string; stderr: string }> {
  const made = await burnlink(['request', '--server', server.url, ...args], options);
  const inboxLink = /^ {2}(\S+\/i\/\S+)$/m.exec(made.stderr)?.[1];
  if (made.code !== 0 || !inboxLink) throw new Error(`request failed: ${made.stderr}`);
  return { requestLink: made.out.trim(), inboxLink, stderr: made.stderr };
}

/** Sends `text` through the CLI and returns the link it printed. */
export async function sendText(
  server: RunningServer,
  text: string,
  args: string[] = [],
  env: Record<string, string> = {},
): Promise<string> {
  const sent = await burnlink(['send', '--server', server.url, ...args], { stdin: text, env });
  if (sent.code !== 0) throw new Error(`send failed: ${sent.stderr}`);
  return sent.out.trim();
}
