/**
 * The recipient's side of issue 15, in English and German, on a phone and a desktop:
 * the first view says what Reveal does and who runs the site; a revealed secret asks
 * before it is left until it is copied and its files saved; a reload or Back after
 * Reveal says it was opened here; the gone page tells expired from already opened; a
 * secret is never hyphenated; toggles say what they will do. Every state is axe-clean.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Messages } from '../../web/src/i18n/messages.js';
import { messages } from '../helpers/catalogs.js';
import { bytes, storeSecret, type StoreOptions } from './forge.js';
import { freshContext, TestClock, useServerAndBrowser } from './harness.js';
import { asksBeforeReload as asksBeforeLeavingPage, axeCleanShot, mainText, reloadWithoutQuestion } from './pages.js';

const SHOTS = 'test-results/e2e/recipient';
const OPERATOR = 'Rosa Café GmbH';

/** Each point in both languages and at both widths: English on a phone, German on a desktop. */
const CASES = [
  { language: 'en', width: 360 },
  { language: 'de', width: 1280 },
] as const;

describe('the recipient’s page', () => {
  const clock = new TestClock();
  const env = useServerAndBrowser({ minExpiresIn: 1 }, [], { clock });

  describe.each(CASES)('in $language at $width px', async ({ language, width }) => {
    const m: Messages = await messages(language);
    const t = m.reveal;

    /** A fresh tab in this language and width (CSP bypassed so axe can be injected), optionally branded. */
    async function openTab(options: { operator?: string } = {}): Promise<Page> {
      const context = await freshContext(env.browser, [], {
        locale: language === 'de' ? 'de-DE' : 'en-US',
        viewport: { width, height: 800 },
        bypassCSP: true,
        permissions: ['clipboard-read', 'clipboard-write'],
      });
      if (options.operator !== undefined) await brand(context, { operator: options.operator });
      return context.newPage();
    }

    /** Stores a secret and opens its link in a fresh tab, waiting for the Reveal button. */
    async function opened(text: string, files: { name: string; text: string }[] = [], options: StoreOptions = {}) {
      const secret = {
        text,
        files: files.map((file) => ({ name: file.name, type: 'text/plain', bytes: bytes(file.text) })),
      };
      const link = await storeSecret(env.server.url, secret, options);
      const page = await openTab();
      // The page judges expiry by its own clock: let it read the server's, which the test moves.
      await page.clock.install({ time: clock.now() });
      await page.goto(link);
      await page.getByRole('button', { name: t.button, exact: true }).waitFor();
      return { page, link };
    }

    async function pressReveal(page: Page): Promise<void> {
      await page.getByRole('button', { name: t.button, exact: true }).click();
      await page.getByRole('heading', { name: t.revealedHeading, exact: true }).waitFor();
    }

    /** Starts a reload and says whether the browser asked first; answering "stay" keeps the secret on the page. */
    const asksBeforeReload = (page: Page) => asksBeforeLeavingPage(page, t.revealedHeading);

    const clean = (page: Page, state: string) =>
      axeCleanShot(page, `${language} ${width}: ${state}`, `${SHOTS}/${state}-${language}-${width}.png`);

    it('says Reveal deletes a one-view secret, who runs the site, and what this is', async () => {
      const link = await storeSecret(env.server.url, { text: 'once only', files: [] });
      const page = await openTab({ operator: OPERATOR });
      await page.goto(link);
      await page.getByRole('heading', { name: t.heading, exact: true }).waitFor();
      const shown = await mainText(page);
      expect(shown).toContain(t.once);
      expect(shown).toContain(t.operator(OPERATOR));

      const about = page.getByRole('button', { name: t.aboutButton, exact: true });
      expect(await about.getAttribute('aria-expanded')).toBe('false');
      expect(await page.getByText(t.about.noLogin).isVisible()).toBe(false);
      await about.click();
      expect(await about.getAttribute('aria-expanded')).toBe('true');
      await page.getByText(t.about.noLogin).waitFor();
      const host = new URL(env.server.url).host;
      expect(await page.getByText(t.about.checkAddress(host)).isVisible()).toBe(true);
      expect(await page.getByText(t.about.what('burnlink')).isVisible()).toBe(true);
      await clean(page, 'first-view-operator');
      await about.click();
      expect(await page.getByText(t.about.noLogin).isVisible()).toBe(false);
    });

    it('says how often a secret of several views can be opened, and reads well with no operator set', async () => {
      const { page } = await opened('three looks', [], { views: 3 });
      const shown = await mainText(page);
      expect(shown).toContain(t.times(3));
      expect(shown).not.toContain(t.operator('').trim());
      await page.getByRole('button', { name: t.aboutButton, exact: true }).waitFor();
      await clean(page, 'first-view-3-views');
    });

    it('asks before a reload until the text is copied; the reload and Back then say it was opened here', async () => {
      const text = 'hunter2 — the only copy';
      const { page } = await opened(text);
      await pressReveal(page);
      await clean(page, 'revealed');
      expect(await asksBeforeReload(page), 'before Copy').toBe(true);
      expect(await page.getByLabel(t.secretLabel, { exact: true }).inputValue()).toBe(text);

      await page.getByRole('button', { name: m.copy.label(t.secretLabel), exact: true }).click();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);
      await reloadWithoutQuestion(page);
      await page.getByRole('heading', { name: t.openedHereHeading, exact: true }).waitFor();
      expect(await mainText(page)).not.toContain(t.brokenHeading);
      await clean(page, 'opened-here');

      await page.goto(`${env.server.url}/`);
      await page.goBack();
      await page.getByRole('heading', { name: t.openedHereHeading, exact: true }).waitFor();
      expect(
        await page.evaluate(() => Object.entries(sessionStorage)),
        'the tab keeps the id, its expiry and that it was revealed: nothing else',
      ).toEqual([
        [
          expect.stringMatching(/^burnlink\.secret\.[\w-]+$/),
          expect.stringMatching(/^\{"expiresAt":\d+,"revealed":"last"\}$/),
        ],
      ]);
    });

    it('asks until the text is copied and every file downloaded', async () => {
      const files = [
        { name: 'contract.txt', text: 'signed' },
        { name: 'wifi.txt', text: 'SSID and key' },
      ];
      const { page } = await opened('with two files', files);
      await pressReveal(page);
      await page.getByRole('button', { name: m.copy.label(t.secretLabel), exact: true }).click();
      expect(await asksBeforeReload(page), 'text copied, no file saved').toBe(true);
      for (const [index, file] of files.entries()) {
        const download = page.waitForEvent('download');
        await page.getByRole('button', { name: m.downloads.downloadLabel(file.name), exact: true }).click();
        expect((await download).suggestedFilename()).toBe(file.name);
        if (index < files.length - 1) expect(await asksBeforeReload(page), 'one file left').toBe(true);
      }
      await reloadWithoutQuestion(page);
      await page.getByRole('heading', { name: t.openedHereHeading, exact: true }).waitFor();
    });

    it('says “expired” when this tab saw the expiry pass, “already opened” when it knows nothing', async () => {
      const { page, link } = await opened('too late', [], { expiresIn: 60 });
      clock.skip(61_000);
      await page.clock.setSystemTime(clock.now());
      await page.getByRole('button', { name: t.button, exact: true }).click();
      await page.getByRole('heading', { name: t.expiredHeading, exact: true }).waitFor();
      expect(await mainText(page)).not.toContain(t.goneText);
      await clean(page, 'expired');
      await page.reload();
      await page.getByRole('heading', { name: t.expiredHeading, exact: true }).waitFor();

      const elsewhere = await openTab();
      await elsewhere.goto(link);
      await elsewhere.getByRole('heading', { name: t.goneHeading, exact: true }).waitFor();

      const { page: first, link: once } = await opened('someone else was first');
      await pressReveal(first);
      const late = await openTab();
      await late.goto(once);
      await late.getByRole('heading', { name: t.goneHeading, exact: true }).waitFor();
      await late.getByText(t.goneText, { exact: true }).waitFor();
      expect(t.goneText).toMatch(language === 'en' ? /^If you did not open it yourself, tell the sender/ : /Absender/);
      await clean(late, 'gone-opened');
    });

    it('wraps a long hyphenated secret without adding a hyphen, and copies it exactly', async () => {
      const token = `${Array.from({ length: 6 }, (_, i) => `k3y-${i}-correct-horse-battery-staple`).join('-')}-${'x'.repeat(90)}`;
      const { page } = await opened(token);
      await pressReveal(page);
      const field = page.getByLabel(t.secretLabel, { exact: true });
      expect(await field.inputValue()).toBe(token);
      const layout = await field.evaluate((element: HTMLTextAreaElement) => {
        const style = getComputedStyle(element);
        const box = element.getBoundingClientRect();
        const lineHeight = parseFloat(style.lineHeight);
        // Where each visible line starts in the text, read where a click at its left edge would put the caret.
        const lineStarts: number[] = [];
        for (let y = box.top + parseFloat(style.paddingTop) + lineHeight / 2; y < box.bottom; y += lineHeight) {
          const caret = document.caretPositionFromPoint(box.left + parseFloat(style.paddingLeft) + 1, y);
          if (caret?.offsetNode === element) lineStarts.push(caret.offset);
        }
        return {
          hyphens: style.hyphens,
          overflowWrap: style.overflowWrap,
          whiteSpace: style.whiteSpace,
          fitsItsBox: element.scrollWidth <= element.clientWidth,
          lineLengths: lineStarts.slice(1).map((start, index) => start - lineStarts[index]!),
        };
      });
      expect(layout).toMatchObject({
        hyphens: 'none',
        overflowWrap: 'anywhere',
        whiteSpace: 'pre-wrap',
        fitsItsBox: true,
      });
      // Every line is filled to the edge: none ends early after one of the secret's hyphens.
      expect(layout.lineLengths.length).toBeGreaterThanOrEqual(2);
      expect(new Set(layout.lineLengths).size).toBe(1);

      await page.getByRole('button', { name: m.copy.label(t.secretLabel), exact: true }).click();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);
      await clean(page, 'hyphenated');
    });

    it('names the passphrase toggle for what it will do', async () => {
      const { page } = await opened('guarded', [], { passphrase: 'tulip staple' });
      const field = page.getByLabel(t.passphraseLabel, { exact: true });
      await field.fill('tulip staple');
      await page.getByRole('button', { name: m.passphrase.showLabel, exact: true }).click();
      const hide = page.getByRole('button', { name: m.passphrase.hideLabel, exact: true });
      expect(await hide.innerText()).toBe(m.passphrase.hide);
      expect(await field.getAttribute('type')).toBe('text');
      await clean(page, 'passphrase-shown');
      await hide.click();
      expect(await page.getByRole('button', { name: m.passphrase.showLabel, exact: true }).innerText()).toBe(
        m.passphrase.show,
      );
      expect(await field.getAttribute('type')).toBe('password');
      await pressReveal(page);
      expect(await page.getByLabel(t.secretLabel, { exact: true }).inputValue()).toBe('guarded');
    });
  });
});

/** Serves the secret page as a server configured with this operator would: its brand in a meta tag. */
async function brand(context: BrowserContext, value: { operator: string }): Promise<void> {
  const meta = `<meta name="burnlink-brand" content="${JSON.stringify(value).replaceAll('"', '&quot;')}" />`;
  await context.route(
    (url) => url.pathname.startsWith('/s/'),
    async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replace('<head>', `<head>${meta}`);
      await route.fulfill({ response, body });
    },
  );
}
