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
 * compiles and runs it as Node's CommonJS loader would, so `node dist/server/main.js` and
 * cluster workers start it as before.
 * Whitespace and comments are left out too: a third less to read, and no comment can
 * bring a non-ASCII character in, which makes V8 read the whole file as two-byte text
 * (with both, start-up took 5 % less). Stack traces map back through server.cjs.map with
 * `--enable-source-maps`.
 *
 * Two packages are left out, each replaced by a stand-in that throws if anything uses it:
 * `yaml`, which @fastify/swagger requires only to print the document as YAML (the server
 * never asks for that), and `glob`, which @fastify/static requires only with
 * `wildcard: false` (plugins/static.ts never sets it). Together 400 KiB that every
 * start-up would otherwise read and compile.
 *
 * main.js compiles the bundle with V8's code cache, recorded by this script: the build
 * starts the bundled server once (memory store, defaults) and, once `/readyz` has
 * answered, saves the bytecode of every function compiled so far beside the bundle
 * (dist/server/server.cjs.cache). A start then neither parses the bundle nor compiles the
 * functions it runs: a quarter to a third less time (docs/BENCHMARKS.md, "Start-up"). V8 takes a
 * cache only from the same V8 version and flags, and compiles as without one when it
 * refuses it; it checks the source by its length alone, so the bundle's last line holds
 * its SHA-256 and the cache starts with the same: main.js never passes V8 the cache of
 * another build.
 *
 * The bundle carries copies of its dependencies, so their licences travel beside it, in
 * dist/server/THIRD-PARTY-LICENSES.txt: most of them (MIT) ask for their notice to go
 * with every copy, and the container image ships no node_modules to find them in.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { appendFileSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const BUNDLE = 'dist/server/server.cjs';
const MAIN = 'dist/server/main.js';
const CODE_CACHE = 'dist/server/server.cjs.cache';
/** The argument that makes this script the child that records the code cache. */
const RECORD = '--record-code-cache';

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

async function buildServer() {
  const { metafile } = await build({
    entryPoints: ['server/main.ts'],
    outfile: BUNDLE,
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
  if (/[^\x00-\x7f]/.test(readFileSync(BUNDLE, 'latin1'))) {
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
  // The bundle ends with its own hash, which its code cache starts with (see the top).
  const bundleHash = createHash('sha256').update(readFileSync(BUNDLE)).digest('hex');
  appendFileSync(BUNDLE, bundleTrailer(bundleHash));
  writeFileSync(MAIN, MAIN_JS);
  rmSync(CODE_CACHE, { force: true });
  await recordCodeCache(bundleHash);

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
}

/** The bundle's last line: the SHA-256 of what comes before it. */
const bundleTrailer = (bundleHash) => `//# bundle-sha256=${bundleHash}\n`;

/**
 * main.js: compiles the bundle as Node's CommonJS loader would (the same wrapper function,
 * so line numbers and `require` stay as they were), with the code cache when the cache
 * starts with the hash the bundle ends with, and runs it. `bundleScript` is exported for
 * the build's recording child. With --enable-source-maps it leaves the bundle to Node's
 * loader, as before the cache: Node maps the stack traces only of what its loader compiled.
 */
const MAIN_JS = `// Written by bundle-server.mjs: the server is the CommonJS bundle beside this file, compiled
// with the code cache the build recorded for it (see bundle-server.mjs).
// Builtins from process.getBuiltinModule, not import: an import builds each one's ES module
// facade, which for node:fs also loads its streams.
const { readFileSync } = process.getBuiltinModule('node:fs');
const { createRequire } = process.getBuiltinModule('node:module');
const { dirname } = process.getBuiltinModule('node:path');
const { fileURLToPath } = process.getBuiltinModule('node:url');
const { Script } = process.getBuiltinModule('node:vm');

const bundle = fileURLToPath(new URL('./server.cjs', import.meta.url));
const requireHere = createRequire(bundle);

/** The bundle, compiled with the code cache recorded for this very bundle, if there is one. */
function compile() {
  const source = readFileSync(bundle, 'utf8');
  let cachedData;
  try {
    const cache = readFileSync(\`\${bundle}.cache\`);
    // V8 itself would check only the length of the source.
    if (source.endsWith(\`\\n//# bundle-sha256=\${cache.toString('latin1', 0, 64)}\\n\`)) cachedData = cache.subarray(64);
  } catch {
    // No cache: compiled as without one.
  }
  return new Script(\`(function (exports, require, module, __filename, __dirname) { \${source}\\n});\`, {
    filename: bundle,
    cachedData,
  });
}

export const bundleScript = process.sourceMapsEnabled ? undefined : compile();
const module = { exports: {} };
if (bundleScript) bundleScript.runInThisContext()(module.exports, requireHere, module, bundle, dirname(bundle));
else module.exports = requireHere(bundle);
export const bundleExports = module.exports;
`;

/** Runs this script as the recording child (below) and waits for it to write the cache. */
async function recordCodeCache(bundleHash) {
  const port = await new Promise((resolve, reject) => {
    const probe = createServer().once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
  // Only what the server reads: the defaults of every other setting, and no NODE_OPTIONS,
  // whose flags would make V8 refuse the cache in a server started without them.
  const env = {
    PATH: process.env.PATH,
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'silent',
    WEB_ROOT: 'dist/public',
  };
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), RECORD, bundleHash], {
    env,
    stdio: 'inherit',
  });
  const [code, signal] = await once(child, 'exit');
  if (code !== 0) throw new Error(`recording the code cache failed (exit ${code ?? signal})`);
}

/** The recording child: starts the server through main.js, waits for /readyz, saves the cache. */
async function recordCodeCacheHere(bundleHash) {
  const { bundleScript, bundleExports } = await import(pathToFileURL(MAIN).href);
  const deadline = Date.now() + 30_000;
  while ((await status(`http://127.0.0.1:${process.env.PORT}/readyz`)) !== 200) {
    if (Date.now() > deadline) throw new Error('the bundled server was not ready within 30 s');
    await sleep(10);
  }
  await bundleExports.loadRedisModules();
  writeFileSync(CODE_CACHE, Buffer.concat([Buffer.from(bundleHash, 'latin1'), bundleScript.createCachedData()]));
  process.exit(0);
}

/** The status code of a GET, or 0 when nothing answered. */
function status(url) {
  return new Promise((resolve) => {
    get(url, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    }).on('error', () => resolve(0));
  });
}

if (process.argv[2] === RECORD) await recordCodeCacheHere(process.argv[3]);
else await buildServer();
