/**
 * The page's message catalogs as tests need them (web/src/i18n/messages.ts says how
 * they are laid out): each file of a language, or a language's words merged, for tests
 * that look for what the page shows.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Messages } from '../../web/src/i18n/messages.js';

const root = join(import.meta.dirname, '../../web/src/i18n');

/** Every language with a catalog folder ("de", "en"). */
export const languages = readdirSync(root, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

/** A language's catalogs by their path in its folder ("frame", "reveal", "shared/forms"). */
export async function catalogFiles(language: string): Promise<Map<string, Partial<Messages>>> {
  const dir = join(root, language);
  const names = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => file.slice(0, -'.ts'.length))
    .sort();
  const modules = await Promise.all(
    names.map(async (name) => [name, (await import(join(dir, `${name}.ts`))).default as Partial<Messages>] as const),
  );
  return new Map(modules);
}

/** Every message of a language: its catalogs merged. */
export async function messages(language: string): Promise<Messages> {
  return Object.assign({}, ...(await catalogFiles(language)).values()) as Messages;
}
