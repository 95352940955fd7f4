/**
 * What the production page ships, path by path: the JavaScript under
 * dist/public/assets that a browser loads before the person can use each page, and the
 * CSS, raw and gzipped at level 9 as the server's precompressed files are
 * (test/e2e/budget.test.ts weighs the same files as a browser fetches them).
 *
 * Each page is built on its own (vite.config.ts) and each address is sent its page's HTML
 * (`create.html`, `reveal.html`, …), so a path loads the script that HTML names (the frame
 * and the page, `create.page-….js`, …) with its static imports, and the English catalogs
 * of the frame and of its page that script asks for (`en-frame-….js`, `en-create-….js`).
 * What a page imports dynamically otherwise (the result views, the QR code, the sealing
 * code) is fetched only when the person acts, so it is counted on its own; so are another
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
  /** The files every path loads (the frame's English words): a browser moving between pages has them. */
  commonJs: Size;
  /**
   * The most a browser that has loaded one path downloads again for another: every page's
   * script holds its own copy of the Svelte runtime and the frame.
   */
  nextPathJs: { from: PageName; to: PageName; size: Size };
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
  const pages = Object.keys(PAGES) as PageName[];
  const html = Object.fromEntries(
    await Promise.all(pages.map(async (page) => [page, await readFile(join(webRoot, `${page}.html`), 'utf8')])),
  ) as Record<PageName, string>;
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
  /** A language's catalog: `en-frame-….js`, `de-create-….js`. */
  const catalog = new RegExp(`^([a-z]{2})-(frame|${pages.join('|')})-`);
  const scripts = (page: PageName) => {
    const named = js.filter((asset) => html[page].includes(`/assets/${asset.file}`)).map((asset) => asset.file);
    if (!named.some((file) => file.startsWith(`${page}.page-`)))
      throw new Error(`${page}.html names no ${page}.page-… script`);
    return closure(named);
  };
  /** What the page's scripts fetch on their own: its catalogs, and what the person asks for. */
  const fetched = (files: Set<string>) => [...files].flatMap((file) => assets.get(file)!.dynamicImports);
  const catalogs = (page: PageName, language: string) => {
    const found = fetched(scripts(page)).filter((file) => catalog.exec(file)?.[1] === language);
    for (const part of ['frame', page]) {
      if (!found.some((file) => file.startsWith(`${language}-${part}-`))) {
        throw new Error(`the ${page} page asks for no ${language}-${part}-… catalog in ${assetsDir}`);
      }
    }
    return closure(found);
  };
  const paths = new Map(pages.map((page) => [page, new Set([...scripts(page), ...catalogs(page, 'en')])]));
  const everyPath = new Set(pages.flatMap((page) => [...paths.get(page)!]));
  const onRequest = [
    ...closure(pages.flatMap((page) => fetched(paths.get(page)!).filter((file) => !catalog.test(file)))),
  ].filter((file) => !everyPath.has(file));
  const total = (files: Iterable<string>): Size => {
    const sizes = [...files].map((file) => assets.get(file)!);
    return { raw: sum(sizes.map((s) => s.raw)), gzip: sum(sizes.map((s) => s.gzip)) };
  };
  const german = pages
    .map((page) => ({ page, size: total(catalogs(page, 'de')) }))
    .reduce((largest, next) => (next.size.gzip > largest.size.gzip ? next : largest));
  const nextPath = pages
    .flatMap((from) => pages.filter((to) => to !== from).map((to) => ({ from, to })))
    .map(({ from, to }) => ({
      from,
      to,
      size: total([...paths.get(to)!].filter((file) => !paths.get(from)!.has(file))),
    }))
    .reduce((largest, next) => (next.size.gzip > largest.size.gzip ? next : largest));
  return {
    paths: Object.fromEntries(pages.map((page) => [page, total(paths.get(page)!)])) as Record<PageName, Size>,
    commonJs: total([...everyPath].filter((file) => pages.every((page) => paths.get(page)!.has(file)))),
    nextPathJs: nextPath,
    onRequestJs: total(onRequest),
    germanJs: german,
    allJs: total(js.map((asset) => asset.file)),
    css: total([...assets.values()].filter((asset) => asset.kind === 'css').map((asset) => asset.file)),
    jsFiles: js.length,
  };
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
