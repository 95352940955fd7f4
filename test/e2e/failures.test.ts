/**
 * What the page does when things go wrong: nothing typed is lost, and every failure
 * says what happened in a message a person understands.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ContextRecorder } from '../helpers/browser.js';
import { storeSecret } from './forge.js';
import { freshContext, TestClock, useServerAndBrowser } from './harness.js';
import { createSecret, GONE, openCreatePage, reveal, screenshots, waitForRevealForm } from './pages.js';

describe('the page when the server cannot be reached', () => {
  const env = useServerAndBrowser();

  async function freshPage(): Promise<{ page: Page; recorder: ContextRecorder }> {
    const recorders: ContextRecorder[] = [];
    const page = await (await freshContext(env.browser, recorders)).newPage();
    return { page, recorder: recorders[0]! };
  }

  it('keeps what the sender typed and explains, then creates once the server is back', async () => {
    const { page, recorder } = await freshPage();
    await openCreatePage(page, env.server.url);
    await page.getByRole('button', { name: 'Create secret link' }).click();
    expect(await page.getByRole('alert').innerText()).toBe('Type or paste the secret, or attach a file, first.');
    expect(await page.getByLabel('Secret', { exact: true }).getAttribute('aria-invalid')).toBe('true');

    await page.getByLabel('Secret', { exact: true }).fill('still here');
    await page.getByLabel('Views allowed').fill('0');
    await page.getByRole('button', { name: 'Create secret link' }).click();
    expect(await page.getByRole('alert').innerText()).toBe('Views must be a whole number from 1 to 100.');

    await page.getByLabel('Views allowed').fill('2');
    await page.getByLabel('Passphrase (optional)').fill('also here');
    await page.route('**/api/secrets', (route) => route.abort('connectionrefused'));
    await page.getByRole('button', { name: 'Create secret link' }).click();
    await page.getByRole('alert').filter({ hasText: 'Cannot reach the server' }).waitFor();
    expect(await page.getByLabel('Secret', { exact: true }).inputValue()).toBe('still here');
    expect(await page.getByLabel('Views allowed').inputValue()).toBe('2');
    expect(await page.getByLabel('Passphrase (optional)').inputValue()).toBe('also here');
    await screenshots(page, 'create-unreachable');

    await page.unroute('**/api/secrets');
    await page.getByRole('button', { name: 'Create secret link' }).click();
    await page.getByRole('heading', { name: 'Your link is ready' }).waitFor();
    expect(await page.getByText('It can be opened 2 times').count()).toBe(1);

    await page.getByRole('button', { name: 'Create another secret' }).click();
    expect(await page.getByLabel('Secret', { exact: true }).inputValue()).toBe('');
    expect(await page.getByLabel('Secret', { exact: true }).evaluate((field) => field === document.activeElement)).toBe(
      true,
    );
    expect(await page.getByLabel('Views allowed').inputValue()).toBe('1');
    expect(recorder.problems).toEqual([]);
  });

  it('stores nothing while the link’s view cannot be fetched, keeps what was typed, and shows the link once it can', async () => {
    const { page } = await freshPage();
    await openCreatePage(page, env.server.url);
    // The view that shows the link is fetched on the first keystroke, and again at Create.
    let blocked = true;
    let viewFetches = 0;
    await page.route('**/assets/CreatedView-*.js', (route) => {
      viewFetches += 1;
      return blocked ? route.abort('connectionrefused') : route.fallback();
    });
    const creates: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/secrets')
        creates.push(request.url());
    });
    await page.getByLabel('Secret', { exact: true }).fill('still here');
    await page.getByRole('button', { name: 'Create secret link' }).click();
    await page.getByRole('alert').filter({ hasText: 'Cannot reach the server' }).waitFor();
    expect(await page.getByLabel('Secret', { exact: true }).inputValue()).toBe('still here');
    expect(creates).toEqual([]);
    expect(viewFetches).toBeGreaterThan(0);

    blocked = false;
    await page.getByRole('button', { name: 'Create secret link' }).click();
    await page.getByRole('heading', { name: 'Your link is ready' }).waitFor();
    expect(creates).toHaveLength(1);
  });

  it('lets the recipient press Reveal again after a network failure, with nothing burned', async () => {
    const sender = await freshPage();
    const { link } = await createSecret(sender.page, env.server.url, { text: 'patience' });

    const { page, recorder } = await freshPage();
    await page.route('**/status', (route) => route.abort('connectionrefused'));
    await page.goto(link);
    await page.getByRole('alert').filter({ hasText: 'Cannot reach the server' }).waitFor();
    await page.unroute('**/status');
    await page.getByRole('button', { name: 'Try again' }).click();
    await waitForRevealForm(page);

    await page.route('**/reveal', (route) => route.abort('connectionrefused'));
    await page.getByRole('button', { name: 'Reveal' }).click();
    await page.getByRole('alert').filter({ hasText: 'Cannot reach the server' }).waitFor();
    await page.unroute('**/reveal');
    expect(await reveal(page)).toBe('patience');
    expect(recorder.problems).toEqual([]);
  });
});

describe('the recipient’s failure messages', () => {
  const clock = new TestClock();
  const env = useServerAndBrowser({ maxPassphraseAttempts: 2, minExpiresIn: 1 }, [], { clock });

  async function open(url: string): Promise<{ page: Page; recorder: ContextRecorder }> {
    const recorders: ContextRecorder[] = [];
    const page = await (await freshContext(env.browser, recorders)).newPage();
    await page.goto(url);
    return { page, recorder: recorders[0]! };
  }

  const heading = (page: Page, name: string) => page.getByRole('heading', { name }).waitFor();

  it('tells a damaged link from a missing key and from a newer format, asking the server nothing', async () => {
    const id = 'A'.repeat(21);
    const cases = [
      [`/s/${id}`, 'Check that you copied the whole link'],
      [`/s/${id}#1.${'A'.repeat(42)}`, 'Check that you copied the whole link'],
      [`/s/${id}#1.${'A'.repeat(42)}B`, 'Check that you copied the whole link'],
      [`/s/${id}#9.${'A'.repeat(43)}`, 'This link was made by a newer version of burnlink'],
    ] as const;
    for (const [path, text] of cases) {
      const { page, recorder } = await open(`${env.server.url}${path}`);
      await heading(page, 'This link is incomplete or damaged');
      expect(await page.locator('main').innerText(), path).toContain(text);
      expect(
        (await recorder.requests()).filter((r) => r.url.includes('/api/')),
        path,
      ).toEqual([]);
      await page.context().close();
    }
  });

  it('says the same for a secret that never existed, an expired one and a viewed one', async () => {
    const expiring = await storeSecret(env.server.url, { text: 'soon gone', files: [] }, { expiresIn: 1 });
    const never = await open(`${env.server.url}/s/${'A'.repeat(21)}#1.${'A'.repeat(43)}`);
    await heading(never.page, GONE);
    // An id no secret could have (too short) is one that never existed: the same answer, without asking.
    const impossible = await open(`${env.server.url}/s/doesnotexist#2.${'A'.repeat(43)}`);
    await heading(impossible.page, GONE);
    expect((await impossible.recorder.requests()).filter((r) => r.url.includes('/api/'))).toEqual([]);
    const link = await storeSecret(env.server.url, { text: 'once', files: [] });
    const first = await open(link);
    expect(await reveal(first.page)).toBe('once');
    const again = await open(link);
    await heading(again.page, GONE);
    expect(await again.page.locator('main').innerText()).toBe(await never.page.locator('main').innerText());
    clock.skip(2000); // past the 1 s expiry
    const expired = await open(expiring);
    await heading(expired.page, GONE);
    expect(await expired.page.locator('main').innerText()).toBe(await never.page.locator('main').innerText());
    await screenshots(again.page, 'gone');
  });

  it('counts down wrong passphrases and says when the secret was destroyed', async () => {
    const link = await storeSecret(env.server.url, { text: 'guarded', files: [] }, { passphrase: 'right one' });
    const { page, recorder } = await open(link);
    const shown = await waitForRevealForm(page);
    expect(shown).toContain('It is protected by a passphrase');
    expect(shown).toContain('After 2 more wrong passphrases the secret is destroyed.');
    await page.getByLabel('Passphrase', { exact: true }).fill('wrong');
    await page.getByRole('button', { name: 'Reveal' }).click();
    await page.getByRole('alert').filter({ hasText: 'Wrong passphrase. 1 attempt left.' }).waitFor();
    await page.getByRole('button', { name: 'Reveal' }).click();
    await heading(page, 'Too many wrong passphrases: the secret was destroyed.');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await screenshots(page, 'locked');
    expect(recorder.problems).toEqual([]);
    const later = await open(link);
    await heading(later.page, GONE);
  });

  it('says when a secret arrived damaged and could not be decrypted', async () => {
    const { page } = await open(await storeSecret(env.server.url, { text: 'x', files: [] }, { tamper: true }));
    await waitForRevealForm(page);
    await page.getByRole('button', { name: 'Reveal' }).click();
    await heading(page, 'The secret could not be decrypted');
    expect(await page.evaluate(() => location.hash), 'the useless key is gone too').toBe('');
  });

  it('says when the server cannot be reached on opening', async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    await page.route('**/api/**', (route) => route.abort('connectionrefused'));
    await page.goto(await storeSecret(env.server.url, { text: 'x', files: [] }));
    await heading(page, 'The secret could not be opened');
    expect(await page.getByRole('alert').innerText()).toBe(
      'Cannot reach the server. Check your connection and try again.',
    );
    await screenshots(page, 'reveal-unreachable');
    await context.close();
  });
});
