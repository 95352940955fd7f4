/**
 * The page itself: what it ships (nothing inline, so the strict CSP holds), what it says
 * without JavaScript or without WebCrypto, and that it works from the keyboard alone.
 */
import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContextRecorder, launchBrowser } from '../helpers/browser.js';
import { startServer, type RunningServer } from '../helpers/server.js';

describe('the page', () => {
  let browser: Browser;
  let server: RunningServer;

  beforeAll(async () => {
    server = await startServer();
    // burnlink.test resolves to the server inside this browser only: a plain-http origin
    // that is not localhost, so not a secure context.
    browser = await launchBrowser(['--host-resolver-rules=MAP burnlink.test 127.0.0.1']);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('ships no inline script or style, under a CSP without unsafe-inline', async () => {
    const response = await fetch(`${server.url}/s/${'A'.repeat(21)}`);
    const html = await response.text();
    expect(response.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(response.headers.get('content-security-policy')).not.toMatch(/unsafe-inline/);
    expect(html).toMatch(/<script type="module" crossorigin src="\/assets\/[^"]+\.js"><\/script>/);
    expect(html.match(/<script\b[^>]*>/g)?.every((tag) => / src="/.test(tag))).toBe(true);
    expect(html).not.toMatch(/<style\b|\sstyle=|\son[a-z]+=/i);
  });

  it('explains itself when JavaScript is off', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    expect(await page.locator('body').innerText()).toContain('it needs JavaScript');
    await context.close();
  });

  it('explains itself outside a secure context, where WebCrypto is missing', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const port = new URL(server.url).port;
    await page.goto(`http://burnlink.test:${port}/`);
    expect(await page.evaluate(() => window.isSecureContext)).toBe(false);
    await page.getByRole('alert').filter({ hasText: 'This page needs a secure context (HTTPS or localhost) for WebCrypto' }).waitFor();
    expect(await page.getByRole('button').count()).toBe(0);
    await context.close();
  });

  it('creates a secret from the keyboard alone, in a sensible tab order', async () => {
    const context = await browser.newContext();
    context.setDefaultTimeout(15_000);
    const recorder = new ContextRecorder(context);
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    const isFocused = (locator: Locator) => locator.evaluate((element) => element === document.activeElement);
    const steps: Locator[] = [
      page.getByLabel('Secret', { exact: true }),
      page.getByLabel('Expires after'),
      page.getByLabel('Views allowed'),
      page.getByLabel('Passphrase (optional)'),
      page.getByRole('button', { name: 'Show passphrase', exact: true }),
      page.getByRole('button', { name: 'Create secret link', exact: true }),
    ];

    await page.keyboard.press('Tab'); // the brand link comes first
    for (const [index, step] of steps.entries()) {
      await page.keyboard.press('Tab');
      expect(await isFocused(step), `tab stop ${index + 1}`).toBe(true);
      if (index === 0) await page.keyboard.type('typed, not pasted');
    }
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Your link is ready' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    expect(recorder.problems).toEqual([]);
    await context.close();
  });
});
