/**
 * The page itself: what it ships (nothing inline, so the strict CSP holds), what it says
 * without JavaScript or without WebCrypto, and that it works from the keyboard alone.
 */
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ContextRecorder } from '../helpers/browser.js';
import { useServerAndBrowser } from './harness.js';

describe('the page', () => {
  // burnlink.test resolves to the server inside this browser only: a plain-http origin
  // that is not localhost, so not a secure context.
  const env = useServerAndBrowser({}, ['--host-resolver-rules=MAP burnlink.test 127.0.0.1']);

  it('ships no inline script or style, under a CSP without unsafe-inline', async () => {
    const response = await fetch(`${env.server.url}/s/${'A'.repeat(21)}`);
    const html = await response.text();
    expect(response.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(response.headers.get('content-security-policy')).not.toMatch(/unsafe-inline/);
    expect(html).toMatch(/<script type="module" crossorigin src="\/assets\/[^"]+\.js"><\/script>/);
    expect(html.match(/<script\b[^>]*>/g)?.every((tag) => / src="/.test(tag))).toBe(true);
    expect(html).not.toMatch(/<style\b|\sstyle=|\son[a-z]+=/i);
  });

  it('explains itself when JavaScript is off', async () => {
    const context = await env.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${env.server.url}/`);
    const text = await page.locator('body').innerText();
    expect(text).toContain('it needs JavaScript');
    expect(text).toContain('braucht dafür JavaScript');
    await context.close();
  });

  it('explains itself on plain HTTP, where WebCrypto is missing, and how to fix it', async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    const port = new URL(env.server.url).port;
    await page.goto(`http://burnlink.test:${port}/s/${'A'.repeat(21)}#1.${'A'.repeat(43)}`);
    expect(await page.evaluate(() => window.isSecureContext)).toBe(false);
    const alert = page.getByRole('alert');
    await alert.filter({ hasText: 'This page was opened over plain HTTP' }).waitFor();
    expect(await alert.innerText()).toContain('Open the same address with https:// instead of http://');
    expect(await page.getByRole('button').count()).toBe(0);
    await context.close();
  });

  it('explains itself in a browser without WebCrypto', async () => {
    const context = await env.browser.newContext();
    // As in a browser that lacks the API although the page is secure.
    await context.addInitScript(() => Object.defineProperty(globalThis.crypto, 'subtle', { value: undefined }));
    const page = await context.newPage();
    await page.goto(`${env.server.url}/`);
    await page
      .getByRole('alert')
      .filter({ hasText: 'This browser does not offer the encryption this page needs' })
      .waitFor();
    expect(await page.getByRole('alert').innerText()).toContain('up-to-date browser');
    await context.close();
  });

  it('creates a secret from the keyboard alone, in a sensible tab order', async () => {
    const context = await env.browser.newContext();
    context.setDefaultTimeout(15_000);
    const recorder = new ContextRecorder(context);
    const page = await context.newPage();
    await page.goto(`${env.server.url}/`);
    await page.getByLabel('Expires after').and(page.locator(':enabled')).waitFor();
    const isFocused = (locator: Locator) => locator.evaluate((element) => element === document.activeElement);
    // The Secret box has the focus from the start; what comes before it is one Shift+Tab away.
    const secret = page.getByLabel('Secret', { exact: true });
    expect(await isFocused(secret), 'the Secret box, focused on load').toBe(true);
    const before: Locator[] = [
      page.getByRole('link', { name: 'Request a secret' }),
      page.getByRole('link', { name: 'Share a secret' }),
      page.getByLabel('Language'),
      page.getByRole('link', { name: 'burnlink' }),
    ];
    for (const [index, step] of before.entries()) {
      await page.keyboard.press('Shift+Tab');
      expect(await isFocused(step), `tab stop ${before.length - index} (backwards)`).toBe(true);
    }
    const steps: Locator[] = [
      page.getByLabel('Language'),
      page.getByRole('link', { name: 'Share a secret' }),
      page.getByRole('link', { name: 'Request a secret' }),
      secret,
      page.getByRole('button', { name: 'Add files' }),
      page.getByLabel('Expires after'),
      page.getByLabel('Views allowed'),
      page.getByLabel('Passphrase (optional)'),
      page.getByRole('button', { name: 'Show passphrase', exact: true }),
      page.getByRole('button', { name: 'Generate a passphrase', exact: true }),
      page.getByLabel('Private label, only for you (optional)'),
      page.getByRole('button', { name: 'Create secret link', exact: true }),
    ];

    for (const [index, step] of steps.entries()) {
      await page.keyboard.press('Tab');
      expect(await isFocused(step), `tab stop ${index + 2}`).toBe(true);
      if (index === 3) await page.keyboard.type('typed, not pasted');
    }
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Your link is ready' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    expect(recorder.problems).toEqual([]);
    await context.close();
  });
});
