/**
 * The production build is one bundled file (bundle-server.mjs), so what the other server
 * tests prove of the sources is checked once more of what `npm start` really runs: the
 * page and its precompressed assets, a secret's whole life on the memory store, its
 * metrics, and a clean exit; the licences of what it bundles, which travel with it; and
 * the code cache it starts from, which must be this very bundle's.
 */
import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, expect, it } from 'vitest';
import { BUILT_MAIN, killBuiltServer, startBuiltServer, type BuiltServer } from '../helpers/built-server.js';
import { fetchedJsonOf } from '../helpers/json.js';
import { b64, fakeEnvelope, newProofs } from '../helpers/proofs.js';

let server: BuiltServer | undefined;
afterEach(() => killBuiltServer(server));

const post = (url: string, body: unknown) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

it('serves the page and a secret’s whole life from the bundled dist/server/main.js', async () => {
  server = await startBuiltServer({ WEB_ROOT: 'dist/public', METRICS_PORT: '0' });
  const { url } = server;

  const page = await fetch(`${url}/s/abc`);
  expect(page.status).toBe(200);
  expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
  expect(await page.text()).toContain('<div id="app">');
  const script = readdirSync('dist/public/assets').find((file) => file.endsWith('.js'))!;
  const asset = await fetch(`${url}/assets/${script}`, { headers: { 'accept-encoding': 'br' } });
  expect(asset.status).toBe(200);
  expect(asset.headers.get('content-encoding')).toBe('br');
  expect((await fetch(`${url}/readyz`)).status).toBe(200);

  const proofs = newProofs();
  const ciphertext = b64(fakeEnvelope());
  const created = await post(`${url}/api/secrets`, { ciphertext, accessHash: proofs.accessHash, views: 1 });
  const { id } = await fetchedJsonOf(created, 'createSecret', 201);
  const status = await post(`${url}/api/secrets/${id}/status`, { access: proofs.access });
  expect(await status.json()).toMatchObject({ viewsLeft: 1, passphrase: false });
  const revealed = await post(`${url}/api/secrets/${id}/reveal`, { access: proofs.access });
  expect(await revealed.json()).toEqual({ ciphertext, viewsLeft: 0 });
  expect((await post(`${url}/api/secrets/${id}/reveal`, { access: proofs.access })).status).toBe(404);
  expect((await post(`${url}/api/secrets`, { ciphertext: '!' })).status).toBe(400);

  const metricsUrl = /Metrics at (http:\/\/127\.0\.0\.1:\d+\/metrics)/.exec(server.log())?.[1];
  expect(metricsUrl).toBeDefined();
  expect(await (await fetch(metricsUrl!)).text()).toContain(
    'burnlink_http_requests_total{method="POST",route="/api/secrets/:id/reveal",status="200"} 1\n',
  );

  // One log line per request, none with the id in it.
  expect(server.log()).toMatch(/"statusCode":201/);
  expect(server.log()).not.toContain(id);

  const exited = once(server.proc, 'exit');
  server.proc.kill('SIGTERM');
  expect(await exited).toEqual([0, null]);
}, 30_000);

it('ships the licences of the packages it bundles', () => {
  const notices = readFileSync('dist/server/THIRD-PARTY-LICENSES.txt', 'utf8');
  for (const name of ['fastify', 'ioredis', 'typebox', '@fastify/static', 'nanoid']) {
    expect(notices).toMatch(new RegExp(`^${name.replace('/', '\\/')}@\\d+\\.\\d+\\.\\d+ \\(MIT\\)$`, 'm'));
  }
});

/**
 * What V8 made of the code cache main.js passed it, as `vm.Script#cachedDataRejected`
 * says: "false" when it took the cache, "true" when it refused it, "undefined" when
 * main.js found none for its bundle and passed none.
 */
async function codeCacheOutcome(main: string): Promise<string> {
  // Importing main.js starts the server; the outcome is known as soon as the bundle is compiled.
  const script = `const { bundleScript } = await import(${JSON.stringify(pathToFileURL(resolve(main)).href)});
console.log(String(bundleScript.cachedDataRejected));
process.exit(0);`;
  const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], {
    env: { PATH: process.env.PATH, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', WEB_ROOT: 'dist/public' },
  });
  return stdout.trim();
}

it('starts from the code cache that the build recorded for the bundle', async () => {
  expect(await codeCacheOutcome(BUILT_MAIN)).toBe('false');
});

it('compiles without a code cache recorded for another bundle, and still serves', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'burnlink-bundle-'));
  try {
    writeFileSync(join(dir, 'package.json'), '{"type":"module"}');
    for (const file of ['main.js', 'server.cjs', 'server.cjs.cache'])
      copyFileSync(join('dist/server', file), join(dir, file));
    // Another build's hash, of the same length: V8 alone would take the cache, as it checks only the length.
    const bundle = readFileSync(join(dir, 'server.cjs'), 'latin1');
    const trailer = /\/\/# bundle-sha256=([0-9a-f]{64})\n$/.exec(bundle);
    expect(trailer).not.toBeNull();
    const otherHash = [...trailer![1]!].reverse().join('');
    writeFileSync(
      join(dir, 'server.cjs'),
      bundle.slice(0, trailer!.index) + `//# bundle-sha256=${otherHash}\n`,
      'latin1',
    );
    const main = join(dir, 'main.js');
    expect(await codeCacheOutcome(main)).toBe('undefined');

    server = await startBuiltServer({ WEB_ROOT: 'dist/public' }, main);
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
  } finally {
    killBuiltServer(server);
    rmSync(dir, { recursive: true, force: true });
  }
}, 30_000);
