/**
 * burnlink-admin as an operator runs it: the built executable in a child process, the
 * tokens file named by API_TOKENS_FILE, exit codes as the user CLI's. The refusals of a
 * wrong command line run in-process (`runAdmin`, what the executable calls), as many
 * child processes would be slow.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { runAdmin } from '../../server/admin/run.js';
import { API_TOKEN_SHAPE, apiTokenHash } from '../../server/auth/api-token.js';
import { tokensFile } from '../helpers/api-tokens.js';
import { admin, ensureBuilt, runNode } from './admin-process.js';
import { Capture } from './harness.js';

beforeAll(ensureBuilt);

/** burnlink-admin in this process, with fake streams. */
async function adminHere(argv: string[], env: Record<string, string> = {}) {
  const stdout = new Capture();
  const stderr = new Capture();
  const code = await runAdmin({ argv, env, stdout, stderr });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

describe('burnlink-admin token', () => {
  it('creates a token, printed alone on stdout, and keeps only its hash', async () => {
    const env = { API_TOKENS_FILE: await tokensFile() };
    const created = await admin(['token', 'create', '--name', 'ci'], env);
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/^blt_[A-Za-z0-9_-]{43}\n$/);
    const token = created.stdout.trim();
    expect(token).toMatch(API_TOKEN_SHAPE);
    expect(created.stderr).toMatch(/^Created the API token "ci"\. It is shown only this once/);
    const file = await readFile(env.API_TOKENS_FILE, 'utf8');
    expect(file).not.toContain(token.slice(4));
    expect(file).toContain(apiTokenHash(token).toString('base64url'));
  });

  it('lists names and dates, never hashes; revokes; refuses a name twice and a name it does not know', async () => {
    const env = { API_TOKENS_FILE: await tokensFile() };
    expect(await adminHere(['token', 'list'], env)).toEqual({
      code: 0,
      stdout: '',
      stderr: 'There are no API tokens yet.\n',
    });
    await adminHere(['token', 'create', '--name', 'ci'], env);
    await adminHere(['token', 'create', '--name', 'backup.nightly'], env);
    const twice = await admin(['token', 'create', '--name', 'ci'], env);
    expect(twice).toMatchObject({ code: 1, stdout: '' });
    expect(twice.stderr).toMatch(/^burnlink-admin: There is already a token named "ci"/);

    expect(await admin(['token', 'revoke', '--name', 'ci'], env)).toMatchObject({
      code: 0,
      stderr: expect.stringMatching(/^Revoked the API token "ci"/),
    });
    expect(await adminHere(['token', 'revoke', '--name', 'ci'], env)).toMatchObject({
      code: 0,
      stderr: 'The API token "ci" was already revoked; nothing changed.\n',
    });
    expect(await adminHere(['token', 'revoke', '--name', 'nobody'], env)).toEqual({
      code: 1,
      stdout: '',
      stderr: 'burnlink-admin: There is no token named "nobody".\n',
    });

    const table = await admin(['token', 'list'], env);
    expect(table.code).toBe(0);
    const lines = table.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^NAME +CREATED +REVOKED$/);
    expect(lines[1]).toMatch(/^ci +\d{4}-\d\d-\d\dT[\d:.]+Z +\d{4}-\d\d-\d\dT[\d:.]+Z$/);
    expect(lines[2]).toMatch(/^backup\.nightly +\d{4}-\d\d-\d\dT[\d:.]+Z +-$/);
    const json = await adminHere(['token', 'list', '--json'], env);
    expect(JSON.parse(json.stdout)).toEqual([
      { name: 'ci', createdAt: expect.any(String), revokedAt: expect.any(String) },
      { name: 'backup.nightly', createdAt: expect.any(String), revokedAt: null },
    ]);
    expect(json.stdout).not.toMatch(/hash/);
  });

  it('exits 2 for a wrong command line or configuration, changing nothing', async () => {
    const path = await tokensFile();
    const env = { API_TOKENS_FILE: path };
    const cases: [string[], Record<string, string>, RegExp][] = [
      [['token', 'create'], env, /token create needs --name NAME/],
      [['token', 'create', '--name', 'CI Bot'], env, /name must be 1 to 64 characters of a-z/],
      [['token', 'create', '--name', 'ci'], {}, /Set API_TOKENS_FILE/],
      [['token', 'create', '--name', 'ci'], { ...env, PORT: 'eighty' }, /PORT must be a whole number/],
      [['token', 'burn', '--name', 'ci'], env, /Unknown command "token burn"/],
      [['secrets', 'list'], env, /Unknown command "secrets list"/],
      [['token', 'list', '--bogus'], env, /Unknown option '--bogus'/],
    ];
    for (const [args, variables, message] of cases) {
      const exit = await adminHere(args, variables);
      expect(exit, args.join(' ')).toMatchObject({ code: 2, stdout: '', stderr: expect.stringMatching(message) });
    }
    await expect(readFile(path)).rejects.toMatchObject({ code: 'ENOENT' });
    const help = await adminHere(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: burnlink-admin token <create\|list\|revoke>/);
    expect(await adminHere([])).toMatchObject({ code: 2, stderr: expect.stringMatching(/^Usage: burnlink-admin/) });
    expect(await admin(['token', 'create', '--name', 'ci'])).toMatchObject({
      code: 2,
      stdout: '',
      stderr: expect.stringMatching(/Set API_TOKENS_FILE/),
    });
  });

  it('exits 1 when the file cannot be used, saying which and why', async () => {
    const path = await tokensFile();
    await writeFile(path, '[]');
    const exit = await adminHere(['token', 'create', '--name', 'ci'], { API_TOKENS_FILE: path });
    expect(exit).toEqual({
      code: 1,
      stdout: '',
      stderr: `burnlink-admin: ${path} is not an API tokens file (version 1, with a "tokens" list).\n`,
    });
  });

  it('runs from the container’s bundle, dist/server/burnlink-admin.mjs, the same', async () => {
    const bundle = 'dist/server/burnlink-admin.mjs';
    expect(existsSync(bundle), `${bundle} is missing: run "npm run build"`).toBe(true);
    const env = { API_TOKENS_FILE: await tokensFile() };
    const created = await runNode(bundle, ['token', 'create', '--name', 'deploy'], env);
    expect(created).toMatchObject({ code: 0, stdout: expect.stringMatching(/^blt_[A-Za-z0-9_-]{43}\n$/) });
    expect(await adminHere(['token', 'list', '--json'], env)).toMatchObject({
      stdout: expect.stringContaining('"name": "deploy"'),
    });
  });
});
