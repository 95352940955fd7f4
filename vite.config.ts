import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig, type Plugin } from 'vite';

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
/**
 * What the pages show only after an action (a link made, a secret revealed), which three or
 * more pages use but at most one loads at once: a chunk of its own, not the shared one.
 */
const AFTER_ACTION = /components[\\/](CopyField|ShareLink|SecretContents|FileDownloads)\.svelte|[\\/]download\.ts/;
/**
 * The envelope's code, out of the shared chunk: the status page uses none of it, the create
 * and request pages fetch it when the person creates, and the reveal page loads the keys'
 * code at once (ENVELOPE_KEYS) and the rest at Reveal.
 */
const ENVELOPE_KEYS = /lib[\\/](envelope-keys|primitives)\.ts/;
const ENVELOPE = /lib[\\/](envelope|envelope-payload)\.ts/;
/** What only the request pages use. */
const REQUEST_ONLY = /lib[\\/](request|sealed)\.ts/;

// The page is built into dist/public, which the Fastify server serves.
export default defineConfig({
  root: 'web',
  plugins: [
    // Runes everywhere: a component without runes would otherwise compile in legacy mode and
    // bring Svelte's legacy runtime (~0.5 kB gzip) into every page.
    svelte({ compilerOptions: { discloseVersion: false, runes: true } }),
    precompress(),
  ],
  build: {
    outDir: '../dist/public',
    emptyOutDir: true,
    // Keep every byte out of inline <script>/<style>: the CSP forbids them.
    assetsInlineLimit: 0,
    // Every browser with WebCrypto and ES modules has modulepreload: no polyfill to ship.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        // A catalog's chunk is named for its language and part ("de-reveal"), so a test can tell
        // which language a page loaded: by default both languages' "reveal.ts" are "reveal".
        chunkFileNames: (chunk) => {
          const catalog = chunk.moduleIds.map((id) => CATALOG.exec(id)).find(Boolean);
          return catalog ? `assets/${catalog[1]}-${catalog[2]}-[hash].js` : 'assets/[name]-[hash].js';
        },
        // Each path loads what its page uses and little else (test/e2e/budget.test.ts holds
        // each path to its budget). What three or more pages use is one `shared` chunk: the
        // Svelte runtime, the API client, the link parser, the envelope's sizes. The envelope's
        // code is two chunks of its own (`keys`, `envelope`, see ENVELOPE), and what only the
        // request pages share (the request and sealing code) is the `requests` chunk, so a
        // secret's sender and recipient never download it. What the pages show only after an
        // action (AFTER_ACTION) and what two pages share stays in chunks of rolldown's own
        // splitting (the file picker for create and answer, the copy field, …), and the pages,
        // each catalog and the QR encoder are chunks of their own.
        codeSplitting: {
          groups: [
            {
              name: 'shared',
              test: (id) =>
                !/QrCode|qrcode-generator|i18n[\\/]/.test(id) &&
                !REQUEST_ONLY.test(id) &&
                !AFTER_ACTION.test(id) &&
                !ENVELOPE.test(id) &&
                !ENVELOPE_KEYS.test(id),
              minShareCount: 3,
              priority: 4,
            },
            { name: 'requests', test: REQUEST_ONLY, minShareCount: 2, priority: 1 },
            { name: 'keys', test: ENVELOPE_KEYS, minShareCount: 2, priority: 3 },
            { name: 'envelope', test: ENVELOPE, minShareCount: 2, priority: 2 },
          ],
        },
      },
    },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
