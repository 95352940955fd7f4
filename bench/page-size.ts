/**
 * What the production page ships: the JavaScript and CSS under dist/public/assets, raw
 * and gzip (zlib's default level, what a compressing proxy typically uses).
 *
 * `/` (create) and `/s/ID` (reveal) serve the same index.html, so both load what it
 * names and everything that imports statically. A page split into chunks then loads
 * its own chunk: the create path is the chunks whose names start with "create" (Vite
 * names a chunk after its module: CreatePage.svelte, create.page.ts, …) with their
 * static imports; likewise "reveal". What a page chunk imports dynamically (the QR
 * code, behind its "Show QR code" button) is fetched only when the person asks, so it
 * is counted on its own, as the browser budget test (test/e2e/budget.test.ts) does.
 * So is a language other than English: its chunk is fetched by the entry only for a
 * person who reads that language. When there is no such chunk (one bundle), both paths
 * are what index.html loads.
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

export interface PageSizeResult {
  /** The JavaScript index.html loads: every view pays it, create and reveal alike. */
  entryJs: Size;
  /** The JavaScript of creating a secret (`/`), before the person asks for anything more. */
  createJs: Size;
  /** The JavaScript of revealing one (`/s/ID`). */
  revealJs: Size;
  /** Create and reveal together, shared chunks counted once: what the target is about. */
  createAndRevealJs: Size;
  /** What the create and reveal pages fetch only when asked (the QR code), beyond both paths. */
  onRequestJs: Size;
  /** Every JavaScript file built, other pages and languages included. */
  allJs: Size;
  css: Size;
  jsFiles: number;
}

/** Chunk names that root each path; see the module comment. */
const PATH_ROOTS = { create: /^create/i, reveal: /^reveal/i };

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
      gzip: gzipSync(bytes).length,
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
  const path = (root: RegExp): Set<string> =>
    new Set([...entry, ...closure(js.filter((asset) => root.test(asset.file)).map((asset) => asset.file))]);
  const create = path(PATH_ROOTS.create);
  const reveal = path(PATH_ROOTS.reveal);
  const paths = new Set([...create, ...reveal]);
  // Only the page chunks' own dynamic imports: the entry's are the pages and languages.
  const pageChunks = [...paths].filter((file) => !entry.has(file));
  const onRequest = [...closure(pageChunks.flatMap((file) => assets.get(file)!.dynamicImports))].filter(
    (file) => !paths.has(file),
  );
  const total = (files: Iterable<string>): Size => {
    const sizes = [...files].map((file) => assets.get(file)!);
    return { raw: sum(sizes.map((s) => s.raw)), gzip: sum(sizes.map((s) => s.gzip)) };
  };
  return {
    entryJs: total(entry),
    createJs: total(create),
    revealJs: total(reveal),
    createAndRevealJs: total(paths),
    onRequestJs: total(onRequest),
    allJs: total(js.map((asset) => asset.file)),
    css: total([...assets.values()].filter((asset) => asset.kind === 'css').map((asset) => asset.file)),
    jsFiles: js.length,
  };
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
