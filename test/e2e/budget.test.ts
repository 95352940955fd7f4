/**
 * The page's weight, measured as a browser loads the production build: every script
 * and stylesheet fetched on the create path and on the reveal path, gzipped. The QR
 * encoder and the other languages are chunks of their own, fetched only on request,
 * so they are outside the budget (and the test checks they stay out).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { storeSecret } from './forge.js';
import { freshContext, useServerAndBrowser } from './harness.js';
import { openCreatePage, waitForRevealForm } from './pages.js';

/** Kilobytes (1024 bytes) of gzipped JavaScript a path may load before the person does anything. */
const JS_BUDGET_KB = { create: 32.5, reveal: 30 };
const CSS_BUDGET_KB = 2.5;

interface Asset {
  url: string;
  raw: number;
  gzip: number;
}

describe('the page’s weight (production build)', () => {
  const env = useServerAndBrowser();
  const report: Record<string, { js: Asset[]; css: Asset[] }> = {};

  afterAll(async () => {
    await mkdir('test-results', { recursive: true });
    await writeFile('test-results/budget.json', `${JSON.stringify(report, null, 2)}\n`);
  });

  /** Records every script and stylesheet the page fetches from now on; `settled()` waits for their bodies. */
  function recordAssets(page: Page) {
    const pending: Promise<void>[] = [];
    const assets = { js: [] as Asset[], css: [] as Asset[] };
    page.on('response', (response) => {
      const path = new URL(response.url()).pathname;
      const kind = path.endsWith('.js') ? 'js' : path.endsWith('.css') ? 'css' : undefined;
      if (!kind) return;
      pending.push(
        response.body().then((body) => {
          assets[kind].push({ url: path, raw: body.length, gzip: gzipSync(body, { level: 9 }).length });
        }),
      );
    });
    return {
      async settled(): Promise<{ js: Asset[]; css: Asset[] }> {
        await Promise.all(pending);
        return structuredClone(assets);
      },
    };
  }

  const kb = (assets: Asset[], size: 'raw' | 'gzip' = 'gzip') => assets.reduce((sum, a) => sum + a[size], 0) / 1024;

  it('keeps the create path within budget, and the QR encoder out of it', async () => {
    const page = await (await freshContext(env.browser)).newPage();
    const recorder = recordAssets(page);
    await openCreatePage(page, env.server.url);
    await page.waitForLoadState('networkidle');
    const assets = await recorder.settled();
    report.create = assets;
    expect(assets.js.length).toBeGreaterThan(0);
    expect(kb(assets.js), `create path JS: ${assets.js.map((a) => a.url).join(', ')}`).toBeLessThanOrEqual(
      JS_BUDGET_KB.create,
    );
    expect(kb(assets.css)).toBeLessThanOrEqual(CSS_BUDGET_KB);
    expect(assets.js.some((a) => /QrCode|\/de-/.test(a.url))).toBe(false);

    await page.getByLabel('Secret', { exact: true }).fill('weigh me');
    await page.getByRole('button', { name: 'Create secret link' }).click();
    await page.getByRole('button', { name: 'Show QR code' }).click();
    await page.getByRole('img', { name: 'QR code of the secret link' }).waitFor();
    const qr = (await recorder.settled()).js.filter((a) => /QrCode/.test(a.url));
    expect(qr).toHaveLength(1);
    report.qr = { js: qr, css: [] };
  });

  it('keeps the reveal path within budget, without the sender’s page', async () => {
    const page = await (await freshContext(env.browser)).newPage();
    const recorder = recordAssets(page);
    await page.goto(await storeSecret(env.server.url, { text: 'weigh me', files: [] }));
    await waitForRevealForm(page);
    await page.waitForLoadState('networkidle');
    const assets = await recorder.settled();
    report.reveal = assets;
    expect(kb(assets.js), `reveal path JS: ${assets.js.map((a) => a.url).join(', ')}`).toBeLessThanOrEqual(
      JS_BUDGET_KB.reveal,
    );
    expect(kb(assets.css)).toBeLessThanOrEqual(CSS_BUDGET_KB);
    expect(assets.js.some((a) => /create\.page|QrCode|\/de-/.test(a.url))).toBe(false);
  });
});
