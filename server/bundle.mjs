/**
 * Bundles the server and its dependencies into dist/server/main.js (replacing the file tsc
 * wrote there), run by `npm run build` after tsc. Start-up is mostly module loading: Node
 * resolves, reads and compiles some 1,500 files of fastify, typebox, ajv and ioredis one
 * by one, and one file cuts that by about a third (docs/BENCHMARKS.md, "Start-up").
 * The rest of dist/server stays as tsc wrote it, for the tests and for reading.
 */
import { build } from 'esbuild';

await build({
  entryPoints: ['server/main.ts'],
  outfile: 'dist/server/main.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  // CommonJS dependencies (fastify, ioredis, pino) call require() for Node's modules, which
  // an ES module bundle has no binding for.
  banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  logLevel: 'warning',
});
