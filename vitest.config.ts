import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The page's flows (*.svelte.ts) and pages (*.svelte) compile as in vite.config.ts, for
  // Node: test/web/flows renders the pages with Svelte's server renderer, no browser needed.
  plugins: [svelte({ configFile: false, compilerOptions: { runes: true } })],
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 90_000,
    hookTimeout: 60_000,
    expect: { requireAssertions: true },
    reporters: ['default', './test/summary-reporter.ts'],
  },
});
