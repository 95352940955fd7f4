import { build } from 'vite';
import { gzipSync } from 'node:zlib';
import { pageConfig } from './vite.config.ts';
const page = (process.argv[2] ?? 'create') as any;
const c = pageConfig(page);
c.plugins = [...c.plugins!.filter((p: any) => p && p.name !== 'burnlink-page-html' && p.name !== 'burnlink-precompress'), {
  name: 'sizes', generateBundle(_o: any, bundle: any) {
    const ch = (Object.values(bundle) as any[]).filter((c) => c.fileName.includes('.page-')).sort((a, b) => b.code.length - a.code.length)[0];
    const rows = Object.entries(ch.modules).map(([id, m]: any) => [m.renderedLength, gzipSync(m.code ?? '').length, id.replace(/.*node_modules\//, 'nm/').replace(/.*web\/src\//, '')]);
    rows.sort((a: any, b: any) => b[0] - a[0]);
    for (const r of rows.slice(0, 45)) console.log(String(r[0]).padStart(7), String(r[1]).padStart(6), r[2]);
  } } as any];
c.build!.outDir = '/tmp/hbuild-try-out'; c.build!.emptyOutDir = true; c.logLevel = 'warn';
await build(c);
