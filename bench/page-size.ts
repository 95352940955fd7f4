/**
 * What the production page ships: every JS and CSS file under dist/public/assets, raw
 * and gzip (zlib's default level, what a compressing proxy typically uses). `/`
 * (create) and `/s/ID` (reveal) serve the same index.html, so both paths load the
 * same entry files; files index.html does not name are loaded lazily, if at all.
 */
import { readdir, readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface AssetSize {
  file: string;
  kind: 'js' | 'css';
  /** Named by index.html (loaded on every page view) rather than imported lazily. */
  entry: boolean;
  raw: number;
  gzip: number;
}

export interface PageSizeResult {
  assets: AssetSize[];
  js: { raw: number; gzip: number };
  css: { raw: number; gzip: number };
}

/** Reads the built page in `webRoot` (dist/public). */
export async function measurePage(webRoot: string): Promise<PageSizeResult> {
  const html = await readFile(join(webRoot, 'index.html'), 'utf8');
  const assetsDir = join(webRoot, 'assets');
  const assets: AssetSize[] = [];
  for (const file of (await readdir(assetsDir)).sort()) {
    const ext = extname(file);
    if (ext !== '.js' && ext !== '.css') continue;
    const bytes = await readFile(join(assetsDir, file));
    assets.push({
      file,
      kind: ext === '.js' ? 'js' : 'css',
      entry: html.includes(`/assets/${file}`),
      raw: bytes.length,
      gzip: gzipSync(bytes).length,
    });
  }
  if (!assets.some((asset) => asset.kind === 'js')) throw new Error(`no JavaScript in ${assetsDir}`);
  const total = (kind: AssetSize['kind']) => {
    const files = assets.filter((asset) => asset.kind === kind);
    return { raw: sum(files.map((f) => f.raw)), gzip: sum(files.map((f) => f.gzip)) };
  };
  return { assets, js: total('js'), css: total('css') };
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
