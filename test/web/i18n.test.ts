/**
 * The message catalogs: every language has every catalog file and every message, with
 * the same kind of value (the type-check says so too; this also catches an empty
 * string or a function that throws or returns English placeholders). And since a page
 * loads only the frame's catalog and its own, no page may read another page's words.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogFiles, languages, messages } from '../helpers/catalogs.js';

const src = join(import.meta.dirname, '../../web/src');

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

/**
 * The sections a module and every module it imports statically (within the page's
 * source) read as `locale.t.<section>`. Dynamic imports are left out: the entry's load
 * the pages, each checked on its own.
 */
function sectionsRead(entry: string, seen = new Set<string>()): Set<string> {
  const sections = new Set<string>();
  if (seen.has(entry)) return sections;
  seen.add(entry);
  const source = readFileSync(entry, 'utf8');
  for (const [, section] of source.matchAll(/\blocale\.t\.(\w+)/g)) sections.add(section!);
  for (const [, specifier] of source.matchAll(/(?:\bfrom\s*|\bimport\s+)'(\.{1,2}\/[^']+)'/g)) {
    const path = join(dirname(entry), specifier!);
    // Sources are imported as .js: ./a.js is a.ts, ./b.svelte.js is b.svelte.ts.
    const file = [path, path.replace(/\.js$/, '.ts')].find(
      (candidate) => /\.(ts|svelte)$/.test(candidate) && existsSync(candidate),
    );
    if (file) for (const section of sectionsRead(file, seen)) sections.add(section);
  }
  return sections;
}

describe('message catalogs', async () => {
  const english = await catalogFiles('en');

  it('include English and German', () => {
    expect(languages).toEqual(['de', 'en']);
  });

  it.each(languages)('%s has every catalog, every message, as the same kind of value, none empty', async (language) => {
    const files = await catalogFiles(language);
    expect([...files.keys()]).toEqual([...english.keys()]);
    for (const [name, catalog] of files) {
      const reference = flatten(english.get(name)!);
      const found = flatten(catalog);
      expect([...found.keys()], name).toEqual([...reference.keys()]);
      for (const [path, { shape, sample }] of found) {
        expect(shape, `${name}: ${path}`).toBe(reference.get(path)!.shape);
        expect(sample.trim(), `${name}: ${path}`).not.toBe('');
      }
    }
  });

  it.each(languages)('%s: a section in several catalogs is one shared part, not a copy', async (language) => {
    const bySection = new Map<string, unknown[]>();
    for (const catalog of (await catalogFiles(language)).values()) {
      for (const [section, value] of Object.entries(catalog))
        bySection.set(section, [...(bySection.get(section) ?? []), value]);
    }
    for (const [section, values] of bySection) {
      for (const value of values) expect(value, section).toBe(values[0]);
    }
  });

  it('German is German, not English left over', async () => {
    const reference = flatten(await messages('en'));
    const german = flatten(await messages('de'));
    const same = [...german]
      .filter(([path, { sample }]) => sample === reference.get(path)!.sample)
      .map(([path]) => path);
    // Words both languages share.
    expect(same).toEqual(['create.passphraseLabel', 'created.passphraseLabel', 'reveal.passphraseLabel']);
  });

  it('each page has a catalog, and reads only its own sections and the frame’s', () => {
    const frame = Object.keys(english.get('frame')!);
    // The frame shows, in place of a page where there is none, the words it loads instead of a page's.
    const inPlace = Object.keys(english.get('nopage')!);
    expect(
      [...sectionsRead(join(src, 'main.ts'))].filter(
        (section) => !frame.includes(section) && !inPlace.includes(section),
      ),
    ).toEqual([]);
    const pages = readdirSync(join(src, 'pages'))
      .filter((file) => file.endsWith('.page.ts'))
      .map((file) => file.slice(0, -'.page.ts'.length));
    expect(pages.length).toBeGreaterThan(0);
    for (const page of pages) {
      expect(english.has(page), `a catalog for the ${page} page`).toBe(true);
      const own = [...frame, ...Object.keys(english.get(page) ?? {})];
      const foreign = [...sectionsRead(join(src, 'pages', `${page}.page.ts`))].filter(
        (section) => !own.includes(section),
      );
      expect(foreign, `sections the ${page} page reads without loading them`).toEqual([]);
    }
  });
});
