/** API_TOKENS_FILE paths in fresh temporary directories. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';

/** A path whose directory the caller removes (from an afterAll, for a file shared by a test file's tests). */
export async function newTokensFile(): Promise<{ path: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'burnlink-tokens-'));
  return { path: join(dir, 'tokens.json'), remove: () => rm(dir, { recursive: true, force: true }) };
}

/** A path whose directory is removed when the current test finishes. */
export async function tokensFile(): Promise<string> {
  const { path, remove } = await newTokensFile();
  onTestFinished(remove);
  return path;
}
