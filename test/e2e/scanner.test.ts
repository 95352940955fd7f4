/**
 * Link scanners, chat unfurlers and mail security gateways fetch links, and some
 * render them in a headless browser. None of that may burn a secret: only the
 * Reveal button does.
 */
import { describe, expect, it } from 'vitest';
import type { ContextRecorder } from '../helpers/browser.js';
import { freshContext, useServerAndBrowser } from './harness.js';
import { createSecret, reveal, waitForRevealForm } from './pages.js';

describe('link scanners', () => {
  const env = useServerAndBrowser();

  /** A one-view secret and its status page, made through the page. */
  async function oneViewSecret(text: string) {
    const sender = await (await freshContext(env.browser)).newPage();
    const links = await createSecret(sender, env.server.url, { text });
    const stillWaiting = async () => {
      await sender.goto('about:blank');
      await sender.goto(links.receiptLink);
      await sender.getByRole('heading', { name: 'Status of your secret' }).waitFor();
      const state = await sender.getByText('Not viewed yet.').count();
      const facts = (await sender.locator('.facts').innerText()).replace(/\s+/g, ' ');
      return state === 1 && facts.includes('Views left 1 Viewed Never');
    };
    return { ...links, stillWaiting };
  }

  it('survives plain GET and HEAD requests of the link and of every API path', async () => {
    const { link, stillWaiting } = await oneViewSecret('fetched by a bot');
    const id = new URL(link).pathname.split('/')[2]!;
    for (const method of ['GET', 'HEAD']) {
      // A fetch never sends the fragment; this is all a scanner can ask for.
      const response = await fetch(link, { method, headers: { 'user-agent': 'Slackbot-LinkExpanding 1.0' } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      const page = await response.text();
      expect(page).not.toContain('fetched by a bot');
      for (const path of [
        `/api/secrets/${id}`,
        `/api/secrets/${id}/status`,
        `/api/secrets/${id}/reveal`,
        `/api/secrets/${id}/receipt`,
      ]) {
        const api = await fetch(`${env.server.url}${path}`, { method });
        expect(api.status, `${method} ${path}`).toBeGreaterThanOrEqual(400);
      }
    }
    expect(await stillWaiting()).toBe(true);

    const recipient = await (await freshContext(env.browser)).newPage();
    await recipient.goto(link);
    expect(await reveal(recipient)).toBe('fetched by a bot');
  });

  it('survives a headless browser that renders the link and runs its scripts without clicking', async () => {
    const { link, stillWaiting } = await oneViewSecret('rendered by a gateway');
    const recorders: ContextRecorder[] = [];
    // Like a gateway's sandbox: a fresh profile, no clicks, but everything else a page can do.
    for (const viewport of [
      { width: 1280, height: 800 },
      { width: 360, height: 640 },
    ]) {
      const scanner = await (
        await freshContext(env.browser, recorders, { viewport, userAgent: 'Mozilla/5.0 (compatible; LinkScanner)' })
      ).newPage();
      await scanner.goto(link, { waitUntil: 'networkidle' });
      const shown = await waitForRevealForm(scanner);
      expect(shown).toContain('You can open this once.');
      await scanner.mouse.wheel(0, 2000);
      await scanner.keyboard.press('Tab');
      await scanner.waitForTimeout(300);
      expect(await scanner.getByRole('heading', { name: 'Your secret' }).count()).toBe(0);
      await scanner.context().close();
    }
    const apiCalls = (await recorders[0]!.requests()).filter((r) => r.url.includes('/api/'));
    expect(apiCalls.map((r) => `${r.method} ${new URL(r.url).pathname.replace(/[^/]{21,}/, 'ID')}`)).toEqual([
      'POST /api/secrets/ID/status',
    ]);
    expect(recorders.flatMap((recorder) => recorder.problems)).toEqual([]);
    expect(await stillWaiting()).toBe(true);

    const recipient = await (await freshContext(env.browser)).newPage();
    await recipient.goto(link);
    expect(await reveal(recipient)).toBe('rendered by a gateway');
  });
});
