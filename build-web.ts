/**
 * Builds the page: each of the six pages on its own (vite.config.ts, `pageConfig`), into
 * dist/public, which the server serves (server/plugins/static.ts sends each address its
 * page's HTML). Run by `npm run build`.
 */
import { rm } from 'node:fs/promises';
import { build } from 'vite';
import { PAGE_NAMES, pageConfig } from './vite.config.js';

await rm('dist/public', { recursive: true, force: true });
for (const page of PAGE_NAMES) await build(pageConfig(page));
