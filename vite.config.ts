import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';

// The page is built into dist/public, which the Fastify server serves.
export default defineConfig({
  root: 'web',
  plugins: [svelte({ compilerOptions: { discloseVersion: false } })],
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
          groups: [{ name: 'shared', test: (id) => !/QrCode|qrcode-generator|i18n[\\/](?!en\.)/.test(id), minShareCount: 2 }],
        },
      },
    },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
