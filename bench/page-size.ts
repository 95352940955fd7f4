/**
 * What the production page ships, path by path: the JavaScript under
 * dist/public/assets that a browser loads before the person can use each page, and the
 * CSS, raw and gzipped at level 9 as the server's precompressed files are
 * (test/e2e/budget.test.ts weighs the same files as a browser fetches them).
 *
 * Every address is served the same index.html, so every path loads what it names and
 * their static imports (the entry). A path then loads its page's chunk (Vite names it
 * after the page's module: `create.page-….js`, …) and the English catalogs of the frame
 * and of its page (`en-frame-….js`, `en-create-….js`, …), each with its static imports.
 * What a page imports dynamically (the QR code, behind its "Show QR code" button) is
 * fetched only when the person asks, so it is counted on its own; so are another
 * language's catalogs, which a reader of that language fetches instead of the English.
 */
import { readdir, readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface Size {
  raw: number;
  gzip: number;
}

interface Asset extends Size {
  file: string;
  kind: 'js' | 'css';
  /** Files this one imports statically (loaded with it) and dynamically (on demand). */
  imports: string[];
  dynamicImports: string[];
}

/** The pages, each on its own path (routes.ts), and their addresses. */
export const PAGES = {
  create: '/',
  reveal: '/s/ID',
  receipt: '/r/ID',
  request: '/request',
  answer: '/q/ID',
  inbox: '/i/ID',
} as const;
export type PageName = keyof typeof PAGES;

export interface PageSizeResult {
  /** Each path's JavaScript, before the person asks for anything more. */
  paths: Record<PageName, Size>;
  /** The JavaScript index.html loads: every path pays it. */
  entryJs: Size;
  /** What the pages fetch only when asked for (the QR code), beyond every path. */
  onRequestJs: Size;
  /** The German catalogs of the path with the most words, fetched instead of the English ones. */
  germanJs: { page: PageName; size: Size };
  /** Every JavaScript file built, every catalog included. */
  allJs: Size;
  css: Size;
  jsFiles: number;
}

// Minified ESM: from"./a.js", import"./a.js", import("./a.js"), import(`./a.js`).
const IMPORT = /\b(from|import)\s*(\(?)\s*["'`]\.\/([^"'`]+\.js)["'`]/g;

/** Reads the built page in `webRoot` (dist/public). */
export async function measurePage(webRoot: string): Promise<PageSizeResult> {
  const html = await readFile(join(webRoot, 'index.html'), 'utf8');
  const assetsDir = join(webRoot, 'assets');
  const assets = new Map<string, Asset>();
  for (const file of (await readdir(assetsDir)).sort()) {
    const ext = extname(file);
    if (ext !== '.js' && ext !== '.css') continue;
    const bytes = await readFile(join(assetsDir, file));
    const imports: string[] = [];
    const dynamicImports: string[] = [];
    if (ext === '.js') {
      for (const [, , call, target] of bytes.toString('utf8').matchAll(IMPORT)) {
        (call ? dynamicImports : imports).push(target!);
      }
    }
    assets.set(file, {
      file,
      kind: ext === '.js' ? 'js' : 'css',
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      imports,
      dynamicImports,
    });
  }
  const js = [...assets.values()].filter((asset) => asset.kind === 'js');
  if (js.length === 0) throw new Error(`no JavaScript in ${assetsDir}`);

  const closure = (roots: Iterable<string>): Set<string> => {
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file) || !assets.has(file)) return;
      seen.add(file);
      assets.get(file)!.imports.forEach(visit);
    };
    [...roots].forEach(visit);
    return seen;
  };
  const entry = closure(js.filter((asset) => html.includes(`/assets/${asset.file}`)).map((asset) => asset.file));
  const chunks = (prefix: string): string[] => {
    const found = js.filter((asset) => asset.file.startsWith(prefix)).map((asset) => asset.file);
    if (found.length === 0) throw new Error(`no ${prefix}… chunk in ${assetsDir}`);
    return found;
  };
  const catalogs = (language: string, page: PageName) => [
    ...chunks(`${language}-frame-`),
    ...chunks(`${language}-${page}-`),
  ];
  const pages = Object.keys(PAGES) as PageName[];
  const path = (page: PageName): Set<string> =>
    new Set([...entry, ...closure([...chunks(`${page}.page-`), ...catalogs('en', page)])]);
  const paths = new Map(pages.map((page) => [page, path(page)]));
  const everyPath = new Set(pages.flatMap((page) => [...paths.get(page)!]));
  // Only the page chunks' own dynamic imports: the entry's are the pages and catalogs.
  const english = new Set(pages.flatMap((page) => [...closure(catalogs('en', page))]));
  const pageChunks = [...everyPath].filter((file) => !entry.has(file) && !english.has(file));
  const onRequest = [...closure(pageChunks.flatMap((file) => assets.get(file)!.dynamicImports))].filter(
    (file) => !everyPath.has(file),
  );
  const total = (files: Iterable<string>): Size => {
    const sizes = [...files].map((file) => assets.get(file)!);
    return { raw: sum(sizes.map((s) => s.raw)), gzip: sum(sizes.map((s) => s.gzip)) };
  };
  const german = pages
    .map((page) => ({ page, size: total(closure(catalogs('de', page))) }))
    .reduce((largest, next) => (next.size.gzip > largest.size.gzip ? next : largest));
  return {
    paths: Object.fromEntries(pages.map((page) => [page, total(paths.get(page)!)])) as Record<PageName, Size>,
    entryJs: total(entry),
    onRequestJs: total(onRequest),
    germanJs: german,
    allJs: total(js.map((asset) => asset.file)),
    css: total([...assets.values()].filter((asset) => asset.kind === 'css').map((asset) => asset.file)),
    jsFiles: js.length,
  };
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
