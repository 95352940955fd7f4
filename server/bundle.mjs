/**
 * Bundles the server and its dependencies into dist/server/main.js (replacing the file tsc
 * wrote there), run by `npm run build` after tsc. Start-up is mostly module loading: Node
 * resolves, reads and compiles some 1,500 files of fastify, typebox, ajv and ioredis one
 * by one, and one file cuts that by about a third (docs/BENCHMARKS.md, "Start-up").
 * The rest of dist/server stays as tsc wrote it, for the tests and for reading.
 *
 * The bundle carries copies of its dependencies, so their licences travel beside it, in
 * dist/server/THIRD-PARTY-LICENSES.txt: most of them (MIT) ask for their notice to go
 * with every copy, and the container image ships no node_modules to find them in.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const { metafile } = await build({
  entryPoints: ['server/main.ts'],
  outfile: 'dist/server/main.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  metafile: true,
  // CommonJS dependencies (fastify, ioredis, pino) call require() for Node's modules, which
  // an ES module bundle has no binding for.
  banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  logLevel: 'warning',
});

// The package folder of every bundled file: the last node_modules/<name> or node_modules/@scope/name.
const packageDirs = new Set();
for (const input of Object.keys(metafile.inputs)) {
  const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
  if (match) packageDirs.add(match[1]);
}
const notices = [...packageDirs]
  .map((dir) => {
    const { name, version, license } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const file = readdirSync(dir).find((entry) => /^(licen[cs]e|copying)/i.test(entry));
    const text = file
      ? readFileSync(join(dir, file), 'utf8').trim()
      : `(no licence file in the package; package.json says: ${license})`;
    return { id: `${name}@${version}`, text: `${name}@${version} (${license})\n\n${text}` };
  })
  .sort((a, b) => a.id.localeCompare(b.id));
writeFileSync(
  'dist/server/THIRD-PARTY-LICENSES.txt',
  `Third-party software bundled into dist/server/main.js (${notices.length} packages).\n\n` +
    notices.map((notice) => notice.text).join(`\n\n${'-'.repeat(72)}\n\n`) +
    '\n',
);
