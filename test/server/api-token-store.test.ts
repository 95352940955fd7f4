/**
 * The API tokens file and the server's view of it: tokens made, listed and revoked by
 * the admin functions, stored as hashes only, and picked up by a running registry once
 * the file changes.
 */
import { chmod, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { API_TOKEN_SHAPE, apiTokenHash } from '../../server/auth/api-token.js';
import { createApiToken, listApiTokens, revokeApiToken, TokenAdminError } from '../../server/auth/token-admin.js';
import { parseTokenFile, readTokenFile, TokenFileError, updateTokenFile } from '../../server/auth/token-file.js';
import { ApiTokenRegistry } from '../../server/auth/token-registry.js';
import { API_TOKEN_SHAPE as CLIENT_TOKEN_SHAPE } from '../../web/src/lib/api.js';
import { tokensFile as tokensPath } from '../helpers/api-tokens.js';

/** A clock the test moves, so the registry's once-a-second look needs no waiting. */
function manualClock() {
  let now = 1_000_000;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

it('is one token shape on the server and in the clients', () => {
  expect(CLIENT_TOKEN_SHAPE.source).toBe(API_TOKEN_SHAPE.source);
});

describe('the tokens file', () => {
  it('creates a token shown once and keeps only its SHA-256, with name and dates', async () => {
    const path = await tokensPath();
    const token = await createApiToken(path, 'ci', new Date('2025-01-02T03:04:05.000Z'));
    expect(token).toMatch(API_TOKEN_SHAPE);
    const text = await readFile(path, 'utf8');
    expect(text).not.toContain(token);
    expect(text).not.toContain(token.slice(4));
    expect(JSON.parse(text)).toEqual({
      version: 1,
      tokens: [
        {
          name: 'ci',
          hash: apiTokenHash(token).toString('base64url'),
          createdAt: '2025-01-02T03:04:05.000Z',
          revokedAt: null,
        },
      ],
    });
  });

  it('lists names and dates, never hashes, and revokes by name', async () => {
    const path = await tokensPath();
    await createApiToken(path, 'ci', new Date('2025-01-01T00:00:00.000Z'));
    await createApiToken(path, 'backup.nightly', new Date('2025-01-02T00:00:00.000Z'));
    expect(await revokeApiToken(path, 'ci', new Date('2025-02-01T00:00:00.000Z'))).toBe(true);
    expect(await revokeApiToken(path, 'ci', new Date('2025-03-01T00:00:00.000Z'))).toBe(false);
    expect(await listApiTokens(path)).toEqual([
      { name: 'ci', createdAt: '2025-01-01T00:00:00.000Z', revokedAt: '2025-02-01T00:00:00.000Z' },
      { name: 'backup.nightly', createdAt: '2025-01-02T00:00:00.000Z', revokedAt: null },
    ]);
  });

  it('refuses a name taken (revoked or not), a name it cannot hold, and revoking a name it does not know', async () => {
    const path = await tokensPath();
    await createApiToken(path, 'ci');
    await expect(createApiToken(path, 'ci')).rejects.toThrow(/already a token named "ci"/);
    await revokeApiToken(path, 'ci');
    await expect(createApiToken(path, 'ci')).rejects.toThrow(/already a token named "ci" \(revoked\)/);
    for (const name of ['', 'CI', 'a b', 'x'.repeat(65), 'ü', '../x']) {
      await expect(createApiToken(path, name)).rejects.toMatchObject({ usage: true });
    }
    await expect(revokeApiToken(path, 'nobody')).rejects.toBeInstanceOf(TokenAdminError);
    expect((await listApiTokens(path)).map(({ name }) => name)).toEqual(['ci']);
  });

  it('reads a file that does not exist as no tokens, and refuses a damaged one, saying where', async () => {
    const path = await tokensPath();
    expect(await readTokenFile(path)).toEqual([]);
    expect(() => parseTokenFile('{', 'f.json')).toThrow(new TokenFileError('f.json is not valid JSON.'));
    expect(() => parseTokenFile('{"tokens":[]}', 'f.json')).toThrow(/not an API tokens file/);
    const entry = { name: 'ci', hash: apiTokenHash('x').toString('base64url'), createdAt: '2025-01-01T00:00:00Z' };
    const file = (tokens: unknown[]) => JSON.stringify({ version: 1, tokens });
    expect(parseTokenFile(file([{ ...entry, revokedAt: null }]), 'f.json')).toHaveLength(1);
    expect(() => parseTokenFile(file([entry]), 'f.json')).toThrow('f.json: token 1 is not a valid entry.');
    expect(() => parseTokenFile(file([{ ...entry, revokedAt: null, hash: 'short' }]), 'f.json')).toThrow(/token 1/);
    expect(() =>
      parseTokenFile(
        file([
          { ...entry, revokedAt: null },
          { ...entry, revokedAt: null },
        ]),
        'f.json',
      ),
    ).toThrow(/"ci" appears twice/);
  });

  it('replaces the file whole, keeping its permissions, and refuses to change it while another change holds the lock', async () => {
    const path = await tokensPath();
    await createApiToken(path, 'first');
    await chmod(path, 0o640);
    const before = await stat(path);
    await createApiToken(path, 'second');
    const after = await stat(path);
    expect(after.ino).not.toBe(before.ino);
    expect(after.mode & 0o777).toBe(0o640);
    await writeFile(`${path}.lock`, '');
    await expect(createApiToken(path, 'third')).rejects.toThrow(/tokens\.json\.lock exists/);
    await rm(`${path}.lock`);
    await expect(createApiToken(path, 'third')).resolves.toMatch(API_TOKEN_SHAPE);
  });

  it('leaves the file as it was when a change fails half-way', async () => {
    const path = await tokensPath();
    await createApiToken(path, 'ci');
    const before = await readFile(path, 'utf8');
    await expect(
      updateTokenFile(path, () => {
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await readFile(path, 'utf8')).toBe(before);
    await expect(stat(`${path}.lock`)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('the registry a server keeps', () => {
  it('finds a token by its hash, revoked or not, and nothing for a token never made', async () => {
    const path = await tokensPath();
    const ci = await createApiToken(path, 'ci');
    const old = await createApiToken(path, 'old');
    await revokeApiToken(path, 'old');
    const registry = await ApiTokenRegistry.open(path);
    expect(await registry.find(ci)).toMatchObject({ name: 'ci', revokedAt: null });
    expect(await registry.find(old)).toMatchObject({ name: 'old', revokedAt: expect.any(String) });
    expect(await registry.find(`blt_${'A'.repeat(43)}`)).toBeUndefined();
  });

  it('sees a token created and one revoked after start-up, once its last look is a second old', async () => {
    const path = await tokensPath();
    const clock = manualClock();
    const registry = await ApiTokenRegistry.open(path, { now: clock.now });
    const ci = await createApiToken(path, 'ci');
    // Within the second: the look at start-up still stands.
    expect(await registry.find(ci)).toBeUndefined();
    clock.advance(1000);
    expect(await registry.find(ci)).toMatchObject({ name: 'ci', revokedAt: null });
    await revokeApiToken(path, 'ci');
    clock.advance(1000);
    expect(await registry.find(ci)).toMatchObject({ name: 'ci', revokedAt: expect.any(String) });
  });

  it('refuses to start on a damaged file, and refuses every token while a changed file is damaged', async () => {
    const path = await tokensPath();
    await writeFile(path, 'not json');
    await expect(ApiTokenRegistry.open(path)).rejects.toThrow(/is not valid JSON/);

    await rm(path);
    const ci = await createApiToken(path, 'ci');
    const clock = manualClock();
    const problems: string[] = [];
    const registry = await ApiTokenRegistry.open(path, { now: clock.now, onProblem: (m) => problems.push(m) });
    const good = await readFile(path, 'utf8');
    await writeFile(path, good.replace('"tokens"', '"tokenz"'));
    clock.advance(1000);
    expect(await registry.find(ci)).toBeUndefined();
    clock.advance(1000);
    expect(await registry.find(ci)).toBeUndefined();
    expect(problems).toEqual([
      `${path} is not an API tokens file (version 1, with a "tokens" list). Every API token is refused until it is fixed.`,
    ]);
    await writeFile(path, good);
    clock.advance(1000);
    expect(await registry.find(ci)).toMatchObject({ name: 'ci' });
  });

  it('treats a file removed as no tokens', async () => {
    const path = await tokensPath();
    const ci = await createApiToken(path, 'ci');
    const clock = manualClock();
    const registry = await ApiTokenRegistry.open(path, { now: clock.now });
    await rm(path);
    clock.advance(1000);
    expect(await registry.find(ci)).toBeUndefined();
  });
});
