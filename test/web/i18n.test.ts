/**
 * The message catalogs: every language has every message, with the same kind of
 * value (the type-check says so too; this also catches an empty string or a
 * function that throws or returns English placeholders).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en, { type Messages } from '../../web/src/i18n/en.js';

const dir = join(import.meta.dirname, '../../web/src/i18n');
const catalogs = await Promise.all(
  readdirSync(dir)
    .filter((file) => file.endsWith('.ts'))
    .map(async (file) => [file.slice(0, -3), (await import(join(dir, file))).default as Messages] as const),
);

type Tree = { [key: string]: Tree | string | ((...args: never[]) => string) };

/** Every message as "path: kind/arity", and the text it gives for sample arguments. */
function flatten(tree: Tree, prefix = ''): Map<string, { shape: string; sample: string }> {
  const out = new Map<string, { shape: string; sample: string }>();
  for (const [key, value] of Object.entries(tree)) {
    const path = `${prefix}${key}`;
    if (typeof value === 'string') out.set(path, { shape: 'string', sample: value });
    else if (typeof value === 'function') {
      // Strings serve as counts, names and flags alike.
      const args = ['2', 'A', 'B', 'C'].slice(0, value.length);
      out.set(path, { shape: `function/${value.length}`, sample: (value as (...a: unknown[]) => string)(...args) });
    } else for (const [p, v] of flatten(value, `${path}.`)) out.set(p, v);
  }
  return out;
}

describe('message catalogs', () => {
  const reference = flatten(en);

  it('include English and German', () => {
    expect(catalogs.map(([language]) => language).sort()).toEqual(['de', 'en']);
  });

  it.each(catalogs)('%s has every message, as the same kind of value, none empty', (_language, catalog) => {
    const messages = flatten(catalog);
    expect([...messages.keys()]).toEqual([...reference.keys()]);
    for (const [path, { shape, sample }] of messages) {
      expect(shape, path).toBe(reference.get(path)!.shape);
      expect(sample.trim(), path).not.toBe('');
    }
  });

  it('German is German, not English left over', () => {
    const german = flatten(catalogs.find(([language]) => language === 'de')![1]);
    const same = [...german]
      .filter(([path, { sample }]) => sample === reference.get(path)!.sample)
      .map(([path]) => path);
    // Words both languages share.
    expect(same).toEqual(['create.passphraseLabel', 'reveal.passphraseLabel']);
  });
});
