/**
 * Bundles the server and its dependencies into dist/server/server.cjs, started by
 * dist/server/main.js (replacing the file tsc wrote there), run by `npm run build` after
 * tsc. Start-up is mostly module loading: Node resolves, reads and compiles some 1,500
 * files of fastify, typebox, ajv and ioredis one by one, and one file cuts that by about a
 * third (docs/BENCHMARKS.md, "Start-up"). The rest of dist/server stays as tsc wrote it,
 * for the tests and for reading.
 *
 * CommonJS, not an ES module: Node 20 loads the same bundle as CommonJS about a quarter
 * faster (it reads it with readFileSync and compiles it as a function, where an ES module's
 * text is decoded and compiled through the module loader). main.js, the one ES module,
 * only requires it, so `node dist/server/main.js` and cluster workers start it as before.
 * Whitespace and comments are left out too: a third less to read, and no comment can
 * bring a non-ASCII character in, which makes V8 read the whole file as two-byte text
 * (with both, start-up took 5 % less). Stack traces map back through server.cjs.map.
 *
 * Two packages are left out, each replaced by a stand-in that throws if anything uses it:
 * `yaml`, which @fastify/swagger requires only to print the document as YAML (the server
 * never asks for that), and `glob`, which @fastify/static requires only with
 * `wildcard: false` (plugins/static.ts never sets it). Together 400 KiB that every
 * start-up would otherwise read and compile.
 *
 * The bundle carries copies of its dependencies, so their licences travel beside it, in
 * dist/server/THIRD-PARTY-LICENSES.txt: most of them (MIT) ask for their notice to go
 * with every copy, and the container image ships no node_modules to find them in.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

/** Packages the server never uses although a dependency requires them (see above). */
const LEFT_OUT = ['yaml', 'glob'];
const leaveOut = {
  name: 'leave-out',
  setup(build) {
    build.onResolve({ filter: new RegExp(`^(${LEFT_OUT.join('|')})$`) }, ({ path }) => ({
      path,
      namespace: 'left-out',
    }));
    build.onLoad({ filter: /.*/, namespace: 'left-out' }, ({ path }) => ({
      loader: 'js',
      // Any property is a function that throws: requiring the package and destructuring
      // it still works, and only a real use fails, saying why.
      contents: `module.exports = new Proxy({}, { get: (_, key) => typeof key === 'symbol' || key === '__esModule'
        ? undefined
        : () => { throw new Error(${JSON.stringify(`${path} is left out of the server bundle (bundle-server.mjs)`)}); } });`,
    }));
  },
};

const { metafile } = await build({
  entryPoints: ['server/main.ts'],
  outfile: 'dist/server/server.cjs',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  metafile: true,
  minifyWhitespace: true,
  // The licences go in THIRD-PARTY-LICENSES.txt (below) instead.
  legalComments: 'none',
  plugins: [leaveOut],
  logLevel: 'warning',
});
if (/[^\x00-\x7f]/.test(readFileSync('dist/server/server.cjs', 'latin1'))) {
  throw new Error(
    'dist/server/server.cjs is not pure ASCII, which slows every start-up (see the top of bundle-server.mjs)',
  );
}
// burnlink-admin (server/admin/main.ts) the same way, for the container, which has no
// node_modules for tsc's dist/server/admin/main.js to import from:
// `node dist/server/burnlink-admin.mjs token create --name ci`. An ES module, for its top-level await; its few dependencies
// are the server's too, so their licences are among the server's below.
await build({
  entryPoints: ['server/admin/main.ts'],
  outfile: 'dist/server/burnlink-admin.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minifyWhitespace: true,
  legalComments: 'none',
  logLevel: 'warning',
});
// tsc's main.js.map would describe a file that is no longer there.
rmSync('dist/server/main.js.map', { force: true });
writeFileSync(
  'dist/server/main.js',
  `// Written by bundle-server.mjs: the server is the CommonJS bundle beside this file.
import { createRequire } from 'node:module';
createRequire(import.meta.url)('./server.cjs');
`,
);

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
  `Third-party software bundled into dist/server/server.cjs (${notices.length} packages).\n\n` +
    notices.map((notice) => notice.text).join(`\n\n${'-'.repeat(72)}\n\n`) +
    '\n',
);
