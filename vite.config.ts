import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig, type InlineConfig, type Plugin, type UserConfig } from 'vite';
import { PAGE_NAMES, pageOfPath, type PageName } from './web/src/routes.js';

/**
 * Writes .br and .gz beside every built script and stylesheet, which @fastify/static
 * (`preCompressed`) sends to browsers that accept them: the recipient downloads the
 * compressed size, and the server spends no CPU per request on compression.
 */
function precompress(): Plugin {
  return {
    name: 'burnlink-precompress',
    apply: 'build',
    // After writing: Vite still rewrites chunks (preload maps) while generating the bundle.
    async writeBundle(options, bundle) {
      for (const fileName of Object.keys(bundle)) {
        if (!/\.(js|css)$/.test(fileName)) continue;
        const path = join(options.dir!, fileName);
        const bytes = await readFile(path);
        await writeFile(`${path}.br`, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
        await writeFile(`${path}.gz`, gzipSync(bytes, { level: 9 }));
      }
    },
  };
}

/** web/src/i18n/<language>/[shared/]<part>.ts */
const CATALOG = /i18n[\\/](\w+)[\\/](?:shared[\\/])?(\w+)\.ts$/;
/** The script web/index.html names, which each page's build replaces with the page's entry. */
const ENTRY = '/src/entries/create.ts';

/** Points web/index.html at the entry of `page`, or in the dev server at the entry of the address asked for. */
function pageEntry(page?: PageName): Plugin {
  return {
    name: 'burnlink-page-entry',
    transformIndexHtml: {
      order: 'pre',
      handler(html, context) {
        const shown = page ?? pageOfPath(new URL(context.originalUrl ?? context.path, 'http://dev').pathname);
        // The dev server's other addresses: the create page's entry, which shows "not found" there.
        return html.replace(ENTRY, `/src/entries/${shown === 'not_found' ? 'create' : shown}.ts`);
      },
    },
  };
}

/** Writes the page's HTML as `<page>.html`, so that the six builds' pages sit side by side. */
function pageHtml(page: PageName): Plugin {
  return {
    name: 'burnlink-page-html',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const html = bundle['index.html'];
      if (html?.type !== 'asset') throw new Error('The page build made no index.html.');
      delete bundle['index.html'];
      this.emitFile({ type: 'asset', fileName: `${page}.html`, source: html.source });
    },
  };
}

/**
 * What the page loads at once: the modules its entry reaches by static imports, found once
 * the module graph is known (`buildEnd`, before the chunks are made). Rolldown would put
 * those that a lazily loaded part also uses into chunks of their own, though the page has
 * always loaded them first (rolldown/rolldown#10731); one group keeps them in the page's
 * script, which compresses better as one file and is one request.
 */
function staticPart() {
  const ids = new Set<string>();
  const plugin: Plugin = {
    name: 'burnlink-static-part',
    apply: 'build',
    buildEnd() {
      const visit = (id: string) => {
        if (ids.has(id)) return;
        ids.add(id);
        this.getModuleInfo(id)?.importedIds.forEach(visit);
      };
      for (const id of this.getModuleIds()) if (this.getModuleInfo(id)?.isEntry) visit(id);
    },
  };
  return { plugin, has: (id: string) => ids.has(id) };
}

/** What the dev server and every page's build share. The page is built into dist/public, which the Fastify server serves. */
function common(page?: PageName): UserConfig {
  return {
    root: 'web',
    plugins: [
      // Runes everywhere: a component without runes would otherwise compile in legacy mode and
      // bring Svelte's legacy runtime (~0.5 kB gzip) into every page.
      svelte({ compilerOptions: { discloseVersion: false, runes: true } }),
      pageEntry(page),
    ],
    server: {
      proxy: { '/api': 'http://127.0.0.1:3000' },
    },
  };
}

/**
 * The build of one page (build-web.ts runs one per page into the same folder): its entry,
 * with the frame, the page and everything they use at once in one script, named
 * `<page>.page-….js`, and `<page>.html` naming it. A chunk compresses alone and a shared
 * module cannot be tree-shaken per page, so one script per page weighs less than chunks
 * shared between pages (docs/BENCHMARKS.md, "Page weight"); what a page fetches only on an
 * action (the result views, the QR code, the sealing code, the sign-in gate) stays a chunk
 * of its own, and so does each language's words, fetched in the reader's language only.
 */
export function pageConfig(page: PageName): InlineConfig {
  const config = common(page);
  const atOnce = staticPart();
  return {
    ...config,
    configFile: false,
    plugins: [...config.plugins!, atOnce.plugin, pageHtml(page), precompress()],
    build: {
      outDir: '../dist/public',
      // build-web.ts empties it once, before the first page: each page adds its files.
      emptyOutDir: false,
      // Keep every byte out of inline <script>/<style>: the CSP forbids them.
      assetsInlineLimit: 0,
      // Every browser with WebCrypto and ES modules has modulepreload: no polyfill to ship.
      modulePreload: { polyfill: false },
      rolldownOptions: {
        output: {
          entryFileNames: `assets/${page}.page-[hash].js`,
          // A catalog's chunk is named for its language and part ("de-reveal"), so a test can tell
          // which language a page loaded: by default both languages' "reveal.ts" are "reveal".
          chunkFileNames: (chunk) => {
            // The catalog the page asks for, not a shared part it brings along.
            const catalog =
              CATALOG.exec(chunk.facadeModuleId ?? '') ?? chunk.moduleIds.map((id) => CATALOG.exec(id)).find(Boolean);
            return catalog ? `assets/${catalog[1]}-${catalog[2]}-[hash].js` : 'assets/[name]-[hash].js';
          },
          // Every page's stylesheet is the same: one name, so a browser moving between pages has it.
          assetFileNames: (asset) =>
            asset.names.some((name) => name.endsWith('.css'))
              ? 'assets/style-[hash][extname]'
              : 'assets/[name]-[hash][extname]',
          codeSplitting: { groups: [{ name: `${page}.page`, test: atOnce.has }] },
        },
      },
    },
  };
}

export default defineConfig(common());

/** Every page, for build-web.ts. */
export { PAGE_NAMES };
