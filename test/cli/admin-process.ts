/** Runs the built executables (`npm run build`; tsc alone when there is no build yet) as child processes. */
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

export const ADMIN = join(process.cwd(), 'dist/server/admin/main.js');
export const CLI = join(process.cwd(), 'dist/cli/main.js');

export interface Exit {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Builds the CLI and burnlink-admin with tsc unless a build has them. */
export async function ensureBuilt(): Promise<void> {
  if (!existsSync(ADMIN) || !existsSync(CLI)) await promisify(execFile)('npx', ['tsc', '-p', 'tsconfig.node.json']);
}

/** Runs `node FILE ...args` with only PATH and `env` set, `input` on stdin; never blocks the event loop. */
export function runNode(file: string, args: string[], env: Record<string, string> = {}, input = ''): Promise<Exit> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [file, ...args], {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

export const admin = (args: string[], env: Record<string, string> = {}) => runNode(ADMIN, args, env);
