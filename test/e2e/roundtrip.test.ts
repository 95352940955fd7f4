/**
 * The whole trip in a real browser, against the memory store and against Redis: a
 * sender creates a secret, a recipient opens the link in a fresh browser context,
 * looks (burning nothing), reveals once, and finds it gone afterwards. Every request
 * of every context is recorded and searched for the link key and the passphrase.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, requestText, type ContextRecorder } from '../helpers/browser.js';
import { startRedis } from '../helpers/redis-server.js';
import { BUILT_PAGE, startServer, type RunningServer } from '../helpers/server.js';
import { storeSecret } from './forge.js';
import { freshContext } from './harness.js';
import { createSecret, GONE, openCreatePage, reveal, screenshots, waitForRevealForm } from './pages.js';

const SECRET = 'pässwörd 🔑\nline two\n  indented';
const PASSPHRASE = 'correct horse 🐎 battery';
const WRONG_PASSPHRASE = 'correct h0rse 🐎 battery';

const stores = [
  { store: 'memory', start: async () => ({ redisUrl: undefined, stop: async () => {} }) },
  {
    store: 'Redis',
    start: async () => {
      const redis = await startRedis();
      return { redisUrl: redis.url, stop: () => redis.stop() };
    },
  },
];

/** The spellings in which a leaked key or passphrase could turn up in a request. */
function spellings(value: string, bytes?: Uint8Array): string[] {
  const found = [value, encodeURIComponent(value), JSON.stringify(value).slice(1, -1)];
  if (bytes) {
    const buffer = Buffer.from(bytes);
    found.push(buffer.toString('base64').replace(/=+$/, ''), buffer.toString('hex'));
  }
  return [...new Set(found)];
}

describe.each(stores)('a secret round trip in Chromium with the $store store', ({ store, start }) => {
  const screenshotsWanted = store === 'memory';
  let browser: Browser;
  let server: RunningServer;
  let stopStore = async () => {};

  beforeAll(async () => {
    const { redisUrl, stop } = await start();
    stopStore = stop;
    server = await startServer({ webRoot: BUILT_PAGE, ...(redisUrl !== undefined && { redisUrl }) });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await stopStore();
  });

  /** No request of any context holds any of the forbidden strings, and nothing went wrong on the pages. */
  async function expectNoLeaks(recorders: ContextRecorder[], forbidden: string[]): Promise<void> {
    const requests = (await Promise.all(recorders.map((recorder) => recorder.requests()))).flat();
    expect(requests.filter((request) => new URL(request.url).pathname.startsWith('/api/')).length).toBeGreaterThan(2);
    for (const request of requests) {
      const text = requestText(request);
      for (const secret of forbidden) expect(text, `${request.method} ${request.url}`).not.toContain(secret);
      expect(new URL(request.url).origin, 'no third-party request').toBe(server.url);
      // Chromium reports a suppressed Referer as an empty one.
      expect(request.headers.referer ?? '', `Referer of ${request.url}`).toBe('');
      expect(request.headers.cookie, `cookie of ${request.url}`).toBeUndefined();
    }
    expect(recorders.flatMap((recorder) => recorder.problems)).toEqual([]);
  }

  it('shows a plain secret once, only when Reveal is pressed, and never sends its key', async () => {
    const recorders: ContextRecorder[] = [];
    const sender = await (
      await freshContext(browser, recorders, { permissions: ['clipboard-read', 'clipboard-write'] })
    ).newPage();
    await openCreatePage(sender, server.url);
    if (screenshotsWanted) await screenshots(sender, 'create-empty');
    const { link, receiptLink } = await createSecret(sender, server.url, { text: SECRET, expiry: '1 hour' });
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/s\/[A-Za-z0-9_-]{21,}#2\.[A-Za-z0-9_-]{43}$/);
    expect(receiptLink).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/r\/[A-Za-z0-9_-]{21,}#[A-Za-z0-9_-]{43}$/);
    const key = link.split('#2.')[1]!;
    expect(await sender.getByLabel('Secret', { exact: true }).count(), 'the typed secret is gone from the page').toBe(
      0,
    );

    await sender.getByRole('button', { name: 'Copy secret link', exact: true }).click();
    await sender.getByText('Secret link copied — paste it into your message').waitFor();
    expect(await sender.evaluate(() => navigator.clipboard.readText())).toBe(link);
    if (screenshotsWanted) await screenshots(sender, 'created');

    const recipient = await (await freshContext(browser, recorders)).newPage();
    await recipient.goto(link);
    const status = await waitForRevealForm(recipient);
    expect(status).toContain('You can open this once. Reveal deletes it from the server');
    expect(await recipient.getByLabel('Passphrase').count()).toBe(0);
    if (screenshotsWanted) await screenshots(recipient, 'reveal-ready');

    // Loading (and loading again, in another tab: a reload finds the key already gone) burns nothing.
    const again = await recipient.context().newPage();
    await again.goto(link);
    await waitForRevealForm(again);
    await again.close();
    await sender.goto(receiptLink);
    await sender.getByText('Not viewed yet.').waitFor();

    expect(await reveal(recipient)).toBe(SECRET);
    expect(await recipient.evaluate(() => location.href), 'the key left the address bar').toBe(link.split('#')[0]);
    await recipient.getByText('this page holds the only copy').waitFor();
    if (screenshotsWanted) await screenshots(recipient, 'revealed');

    const latecomer = await (await freshContext(browser, recorders)).newPage();
    await latecomer.goto(link);
    await latecomer.getByRole('heading', { name: GONE }).waitFor();
    if (screenshotsWanted) await screenshots(latecomer, 'gone');

    await sender.getByRole('button', { name: 'Refresh' }).click();
    await sender.getByText('Viewed, and destroyed').waitFor();
    if (screenshotsWanted) await screenshots(sender, 'receipt-viewed');

    const keyBytes = Buffer.from(key, 'base64url');
    await expectNoLeaks(recorders, [
      ...spellings(key, keyBytes),
      ...SECRET.split('\n').flatMap((line) => spellings(line.trim())),
    ]);
  });

  it('refuses a wrong passphrase without burning, lets it be retyped, and reveals with the right one', async () => {
    const recorders: ContextRecorder[] = [];
    const sender = await (await freshContext(browser, recorders)).newPage();
    const { link } = await createSecret(sender, server.url, { text: SECRET, passphrase: PASSPHRASE, views: 2 });
    await sender.getByText('The recipient also needs the passphrase').waitFor();
    const key = link.split('#2.')[1]!;

    const recipient = await (await freshContext(browser, recorders)).newPage();
    await recipient.goto(link);
    expect(await waitForRevealForm(recipient)).toContain('You can open this 2 times.');
    const passphrase = recipient.getByLabel('Passphrase', { exact: true });
    await passphrase.fill(WRONG_PASSPHRASE);
    await recipient.getByRole('button', { name: 'Reveal' }).click();
    const alert = recipient.getByRole('alert');
    await alert.filter({ hasText: 'Wrong passphrase.' }).waitFor();
    expect(await alert.innerText()).toBe('Wrong passphrase. 9 attempts left.');
    expect(await passphrase.inputValue(), 'what was typed stays for retyping').toBe(WRONG_PASSPHRASE);
    expect(await passphrase.evaluate((input) => input === document.activeElement)).toBe(true);
    if (screenshotsWanted) await screenshots(recipient, 'wrong-passphrase');

    await passphrase.fill(PASSPHRASE);
    expect(await reveal(recipient)).toBe(SECRET);
    await recipient.getByText('The same link can open it 1 more time').waitFor();
    expect(await recipient.evaluate(() => location.hash)).toBe('');

    const second = await (await freshContext(browser, recorders)).newPage();
    await second.goto(link);
    expect(await waitForRevealForm(second)).toContain('You can open this once.');

    await expectNoLeaks(recorders, [
      ...spellings(key, Buffer.from(key, 'base64url')),
      ...spellings(PASSPHRASE),
      ...spellings(WRONG_PASSPHRASE),
    ]);
  });

  it('lets the sender burn a secret from the receipt, after a confirm step', async () => {
    const recorders: ContextRecorder[] = [];
    const sender = await (await freshContext(browser, recorders)).newPage();
    const { link, receiptLink } = await createSecret(sender, server.url, { text: 'burn me', views: 3 });
    await sender.goto(receiptLink);
    await sender.getByText('Not viewed yet.').waitFor();
    await sender.getByRole('button', { name: 'Burn now' }).click();
    await sender.getByRole('button', { name: 'Cancel' }).click();
    await sender.getByRole('button', { name: 'Burn now' }).click();
    if (screenshotsWanted) await screenshots(sender, 'receipt-confirm-burn');
    await sender.getByRole('button', { name: 'Yes, burn it' }).click();
    await sender.getByText('Burned by you').waitFor();
    expect(await sender.getByRole('button', { name: 'Burn now' }).count()).toBe(0);

    const recipient = await (await freshContext(browser, recorders)).newPage();
    await recipient.goto(link);
    await recipient.getByRole('heading', { name: GONE }).waitFor();
    expect(recorders.flatMap((recorder) => recorder.problems)).toEqual([]);
  });

  it('opens a link of format 1, made before format 2', async () => {
    const link = await storeSecret(server.url, { text: SECRET, files: [] }, { format: 1 });
    expect(link).toContain('#1.');
    const recipient = await (await freshContext(browser, [])).newPage();
    await recipient.goto(link);
    await waitForRevealForm(recipient);
    expect(await reveal(recipient)).toBe(SECRET);
  });

  it('says a link without its key is damaged, and asks the server nothing', async () => {
    const recorders: ContextRecorder[] = [];
    const page = await (await freshContext(browser, recorders)).newPage();
    await page.goto(`${server.url}/s/${'A'.repeat(21)}`);
    await page.getByRole('heading', { name: 'This link is incomplete or damaged' }).waitFor();
    await page.goto(`${server.url}/s/${'A'.repeat(21)}#1.tooShort`);
    await page.getByRole('heading', { name: 'This link is incomplete or damaged' }).waitFor();
    const requests = await recorders[0]!.requests();
    expect(requests.filter((request) => request.url.includes('/api/'))).toEqual([]);
  });
});
