/**
 * The envelope, request and sealing modules and their test vectors in real Chromium:
 * the modules the page ships must derive the same proofs, seal the same bytes and
 * refuse the same inputs as in Node (test/web/envelope.vectors.test.ts,
 * test/web/request.vectors.test.ts).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { build, type Rolldown } from 'vite';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readVectors, vectorVersion } from '../vectors/generate.js';
import { expectVectorResult, readRequestVectors } from '../vectors/request-check-expect.js';
import { launchBrowser } from '../helpers/browser.js';

// Every format's vectors, each with its format, which sealing it again needs.
const vectors = readVectors().map((v) => ({ ...v, version: vectorVersion(v) }));

let browser: Browser;
let server: Server;
let origin: string;

/** Bundles the envelope and base64url modules for the browser, as Vite does for the page. */
async function bundle(): Promise<string> {
  const output = (await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: false,
      lib: { entry: join(import.meta.dirname, 'envelope.entry.ts'), formats: ['es'], fileName: 'envelope' },
    },
  })) as Rolldown.RolldownOutput[];
  return output[0]!.output[0].code;
}

beforeAll(async () => {
  const code = await bundle();
  // localhost is a secure context, so WebCrypto is available as on an HTTPS origin.
  server = createServer((request, response) => {
    if (request.url === '/envelope.js') {
      response.writeHead(200, { 'content-type': 'text/javascript' }).end(code);
    } else {
      // This throwaway origin has no CSP; the module is put on window for page.evaluate.
      response
        .writeHead(200, { 'content-type': 'text/html' })
        .end('<!doctype html><script type="module">import * as m from "/envelope.js"; window.envelope = m;</script>');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://localhost:${(server.address() as AddressInfo).port}`;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

it('passes every envelope test vector in Chromium', async () => {
  const page = await browser.newPage();
  await page.goto(`${origin}/`);
  await page.waitForFunction(() => 'envelope' in window);
  const results = await page.evaluate(async (vectors) => {
    type Envelope = typeof import('./envelope.entry.js');
    const m = (window as unknown as { envelope: Envelope }).envelope;
    const out: { name: string; access: string; sealed: string | null; opened: unknown; error: string | null }[] = [];
    for (const v of vectors) {
      const linkKey = m.decodeBase64Url(v.linkKey, 32);
      let keys: Awaited<ReturnType<typeof m.deriveKeys>>;
      try {
        keys = await m.deriveKeys(linkKey, v.passphrase ?? undefined);
      } catch (e) {
        if (!(e instanceof m.PassphraseError)) throw e;
        // Refused before any work; the access proof needs no passphrase.
        const { access } = await m.deriveKeys(linkKey);
        out.push({
          name: v.name,
          access: m.encodeBase64Url(access),
          sealed: null,
          opened: null,
          error: 'invalid_passphrase',
        });
        continue;
      }
      let opened: unknown = null;
      let error: string | null = null;
      try {
        const secret = await m.open(m.decodeBase64Url(v.envelope), keys);
        opened = {
          text: secret.text,
          files: secret.files.map((f) => ({ name: f.name, type: f.type, bytes: m.encodeBase64Url(f.bytes) })),
        };
      } catch (e) {
        error = e instanceof m.EnvelopeError ? e.code : `unexpected: ${String(e)}`;
      }
      let sealed: string | null = null;
      if (v.secret && v.iv) {
        const secret = {
          text: v.secret.text,
          files: v.secret.files.map((f) => ({ ...f, bytes: m.decodeBase64Url(f.bytes) })),
        };
        sealed = m.encodeBase64Url(await m.seal(secret, keys, { iv: m.decodeBase64Url(v.iv, 12), version: v.version }));
      }
      out.push({ name: v.name, access: m.encodeBase64Url(keys.access), sealed, opened, error });
    }
    return out;
  }, vectors);

  expect(results).toHaveLength(vectors.length);
  results.forEach((result, i) => {
    const v = vectors[i]!;
    expect(result.name).toBe(v.name);
    expect(result.access).toBe(v.access);
    expect(result.error).toBe(v.error);
    if (v.expect === 'success') {
      expect(result.opened).toEqual(v.secret);
      expect(result.sealed).toBe(v.envelope);
    }
  });
});

it('passes every request and sealed-answer test vector in Chromium', async () => {
  const vectors = readRequestVectors();
  const page = await browser.newPage();
  await page.goto(`${origin}/`);
  await page.waitForFunction(() => 'envelope' in window);
  const results = await page.evaluate(async (vectors) => {
    type Envelope = typeof import('./envelope.entry.js');
    const m = (window as unknown as { envelope: Envelope }).envelope;
    return Promise.all(vectors.map((v) => m.runRequestVector(v)));
  }, vectors);
  expect(results).toHaveLength(vectors.length);
  results.forEach((result, i) => expectVectorResult(vectors[i]!, result));
});
