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

// The page is built into dist/public, which the Fastify server serves.
export default defineConfig({
  root: 'web',
  plugins: [svelte({ compilerOptions: { discloseVersion: false } }), precompress()],
  build: {
    outDir: '../dist/public',
    emptyOutDir: true,
    // Keep every byte out of inline <script>/<style>: the CSP forbids them.
    assetsInlineLimit: 0,
    // Every browser with WebCrypto and ES modules has modulepreload: no polyfill to ship.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        codeSplitting: {
          // What several pages share goes into one chunk instead of a dozen small ones; the
          // pages, the other languages and the QR encoder stay chunks of their own.
          groups: [
            { name: 'shared', test: (id) => !/QrCode|qrcode-generator|i18n[\\/](?!en\.)/.test(id), minShareCount: 2 },
          ],
        },
      },
    },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
