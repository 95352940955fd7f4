/**
 * The link's key and the receipt's token leave the address bar as soon as the page has
 * read them (web/src/pages/fragment.ts): before Reveal is pressed, neither the address,
 * `document.URL`, the tab's history entries (as Chromium itself lists them) nor
 * `history.state` holds them, and the pages still work from memory. A reload then says
 * to open the link again; the create page advises a passphrase for multi-view secrets.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ContextRecorder } from '../helpers/browser.js';
import { freshContext, useServerAndBrowser } from './harness.js';
import { createSecret, openCreatePage, reveal, waitForRevealForm } from './pages.js';

const HINT = 'A link that opens more than once also works for anyone who finds it later';

/** Everything the tab remembers of its address, as Chromium and the page see it. */
async function addressTraces(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  const { currentIndex, entries } = (await cdp.send('Page.getNavigationHistory')) as {
    currentIndex: number;
    entries: { url: string }[];
  };
  await cdp.detach();
  const seen = await page.evaluate(() => ({
    hash: location.hash,
    href: location.href,
    documentUrl: document.URL,
    state: JSON.stringify(history.state),
    length: history.length,
  }));
  return { ...seen, currentEntry: entries[currentIndex]!.url, entries: entries.map((entry) => entry.url) };
}

describe('keys in the address bar', () => {
  const env = useServerAndBrowser();

  async function freshPage(recorders: ContextRecorder[] = []): Promise<Page> {
    return (await freshContext(env.browser, recorders)).newPage();
  }

  it('takes the key and the token out at once, and the secret and receipt pages still work', async () => {
    const recorders: ContextRecorder[] = [];
    const sender = await freshPage(recorders);
    const { link, receiptLink } = await createSecret(sender, env.server.url, { text: 'two looks', views: 2 });
    const [secretAddress, key] = link.split('#') as [string, string];
    const [receiptAddress, token] = receiptLink.split('#') as [string, string];

    const recipient = await freshPage(recorders);
    await recipient.goto(link);
    await waitForRevealForm(recipient);
    const opened = await addressTraces(recipient);
    // A new tab starts at about:blank; the link's own entry was replaced, not added to.
    expect(opened, 'before Reveal is pressed').toEqual({
      hash: '',
      href: secretAddress,
      documentUrl: secretAddress,
      state: 'null',
      length: 2,
      currentEntry: secretAddress,
      entries: ['about:blank', secretAddress],
    });

    expect(await reveal(recipient)).toBe('two looks');
    expect(JSON.stringify(await addressTraces(recipient))).not.toContain(key.slice(2));

    await sender.goto(receiptLink);
    await sender.getByText('Viewed. It can be viewed 1 more time.').waitFor();
    const receipt = await addressTraces(sender);
    expect(receipt.hash).toBe('');
    expect(receipt.documentUrl).toBe(receiptAddress);
    expect(receipt.currentEntry).toBe(receiptAddress);
    expect(JSON.stringify(receipt), 'no history entry of the tab holds the token').not.toContain(token);

    // The token lives on in the page's memory: refreshing and burning still work.
    await sender.getByRole('button', { name: 'Refresh' }).click();
    await sender.getByText('Viewed. It can be viewed 1 more time.').waitFor();
    await sender.getByRole('button', { name: 'Burn now' }).click();
    await sender.getByRole('button', { name: 'Yes, burn it' }).click();
    await sender.getByText('Burned by you: it can no longer be viewed.').waitFor();
    for (const recorder of recorders) expect(recorder.problems).toEqual([]);
  });

  it('says to open the link again after a reload, and that a link without its key is incomplete', async () => {
    const sender = await freshPage();
    const { link, receiptLink } = await createSecret(sender, env.server.url, { text: 'reload me', views: 2 });

    const recipient = await freshPage();
    await recipient.goto(link);
    await waitForRevealForm(recipient);
    await recipient.reload();
    await recipient.getByRole('heading', { name: 'Open the link you were sent again' }).waitFor();
    expect(await recipient.locator('main').innerText()).toContain(
      'This page took the key out of the address bar as soon as it had read it',
    );

    await sender.goto(receiptLink);
    await sender.getByText('Not viewed yet.').waitFor();
    await sender.reload();
    await sender.getByRole('heading', { name: 'Open your status link again' }).waitFor();

    // Loading, and loading again after the key was taken, used nothing up.
    const again = await freshPage();
    await again.goto(link);
    expect(await waitForRevealForm(again)).toContain('You can open this 2 times.');

    const cutOff = await freshPage();
    await cutOff.goto(link.split('#')[0]!);
    await cutOff.getByRole('heading', { name: 'This link is incomplete or damaged' }).waitFor();
    expect(await cutOff.locator('main').innerText()).toContain(
      'An address from a bookmark or from your browser’s history may lack the key',
    );
  });

  it('shows what a link shows now when it is opened again in the same tab', async () => {
    const sender = await freshPage();
    const { link, receiptLink } = await createSecret(sender, env.server.url, { text: 'once' });
    await sender.goto(receiptLink);
    await sender.getByText('Not viewed yet.').waitFor();

    const recipient = await freshPage();
    await recipient.goto(link);
    expect(await reveal(recipient)).toBe('once');

    // Each address is now its link without the key: opening the link again changes only the fragment.
    // The tab remembers that it revealed the last view here.
    await recipient.goto(link);
    await recipient.getByRole('heading', { name: /^You opened this here already/ }).waitFor();
    expect(await recipient.getByLabel('Secret', { exact: true }).count()).toBe(0);
    await sender.goto(receiptLink);
    await sender.getByText('Viewed, and destroyed: it cannot be viewed again.').waitFor();
  });

  it('advises a passphrase on the create page when more than one view is chosen', async () => {
    const page = await freshPage();
    await openCreatePage(page, env.server.url);
    const views = page.getByLabel('Views allowed');
    expect(await page.getByText(HINT).count()).toBe(0);
    expect(await views.getAttribute('aria-describedby')).toBeNull();

    await views.fill('3');
    await page.getByText(HINT).waitFor();
    const describedBy = await views.getAttribute('aria-describedby');
    expect(await page.locator(`#${describedBy}`).innerText()).toContain(HINT);

    await views.fill('1');
    expect(await page.getByText(HINT).count()).toBe(0);
  });
});
