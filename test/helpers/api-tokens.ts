/** A fresh API_TOKENS_FILE path in a temporary directory, removed when the test ends. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';

export async function tokensFile(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'burnlink-tokens-'));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  return join(dir, 'tokens.json');
}
