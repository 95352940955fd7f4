/**
 * The requester's inbox keeps its answer as the recipient's page keeps a secret (issue
 * 15, "nothing is lost by accident"): the answer, which the server destroys as it hands
 * it over, asks before the page is left until its text is copied and its files saved;
 * a reload or Back then says it was revealed here, never that the link is damaged; the
 * tab remembers only that. In English on a phone and German on a desktop; every state is axe-clean.
 */
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Secret } from '../../web/src/lib/envelope.js';
import type { Messages } from '../../web/src/i18n/messages.js';
import { messages } from '../helpers/catalogs.js';
import { scan } from './axe.js';
import { bytes, storeRequest } from './forge.js';
import { freshContext, useServerAndBrowser } from './harness.js';
import { asksBeforeReload, reloadWithoutQuestion, waitForHeading } from './pages.js';

const SHOTS = 'test-results/e2e/inbox';

const CASES = [
  { language: 'en', width: 360 },
  { language: 'de', width: 1280 },
] as const;

describe('the inbox after Reveal', () => {
  const env = useServerAndBrowser();

  describe.each(CASES)('in $language at $width px', async ({ language, width }) => {
    const m: Messages = await messages(language);
    const t = m.inbox;

    /** A fresh tab in this language and width (CSP bypassed so axe can be injected). */
    async function newTab(): Promise<Page> {
      const context = await freshContext(env.browser, [], {
        locale: language === 'de' ? 'de-DE' : 'en-US',
        viewport: { width, height: 800 },
        bypassCSP: true,
        permissions: ['clipboard-read', 'clipboard-write'],
      });
      return context.newPage();
    }

    /** A request answered with `secret`, its inbox opened in a fresh tab and the answer revealed. */
    async function revealed(secret: Secret): Promise<{ page: Page; inboxLink: string }> {
      const request = await storeRequest(env.server.url, 'The database password, please.');
      await request.answer(secret);
      const page = await newTab();
      await page.goto(request.inboxLink);
      await waitForHeading(page, t.answeredHeading);
      await page.getByRole('button', { name: t.button, exact: true }).click();
      await waitForHeading(page, t.revealedHeading);
      return { page, inboxLink: request.inboxLink };
    }

    async function clean(page: Page, state: string): Promise<void> {
      expect(await scan(page, `${language} ${width}: ${state}`)).toEqual([]);
      await mkdir(SHOTS, { recursive: true });
      await page.screenshot({ path: `${SHOTS}/${state}-${language}-${width}.png`, fullPage: true });
    }

    const mainText = async (page: Page) => (await page.locator('main').innerText()).replace(/\s+/g, ' ');

    it('asks before a reload until the answer is copied; the reload and Back then say it was revealed here', async () => {
      const text = 'hunter2 — the only copy';
      const { page, inboxLink } = await revealed({ text, files: [] });
      await clean(page, 'revealed');
      expect(await asksBeforeReload(page, t.revealedHeading), 'before Copy').toBe(true);
      expect(await page.getByLabel(t.secretLabel, { exact: true }).inputValue()).toBe(text);

      await page.getByRole('button', { name: m.copy.label(t.secretLabel), exact: true }).click();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);
      await reloadWithoutQuestion(page);
      await waitForHeading(page, t.openedHereHeading);
      const shown = await mainText(page);
      expect(shown).toContain(t.openedHereText);
      expect(shown).not.toContain(t.brokenHeading);
      await clean(page, 'opened-here');

      await page.goto(`${env.server.url}/`);
      await page.goBack();
      await waitForHeading(page, t.openedHereHeading);
      // The link itself, opened again: the server's "already read", with when.
      await page.goto(`${env.server.url}/`);
      await page.goto(inboxLink);
      await waitForHeading(page, t.readHeading);
      expect(
        await page.evaluate(() => Object.entries(sessionStorage)),
        'the tab keeps the id and that it was revealed here: nothing else',
      ).toEqual([[expect.stringMatching(/^burnlink\.inbox\.[\w-]+$/), '{"revealed":"last"}']]);
    });

    it('asks until the text is copied and every file downloaded', async () => {
      const files = [
        { name: 'contract.txt', text: 'signed' },
        { name: 'wifi.txt', text: 'SSID and key' },
      ];
      const { page } = await revealed({
        text: 'with two files',
        files: files.map((file) => ({ name: file.name, type: 'text/plain', bytes: bytes(file.text) })),
      });
      await page.getByRole('button', { name: m.copy.label(t.secretLabel), exact: true }).click();
      expect(await asksBeforeReload(page, t.revealedHeading), 'text copied, no file saved').toBe(true);
      for (const [index, file] of files.entries()) {
        const download = page.waitForEvent('download');
        await page.getByRole('button', { name: m.downloads.downloadLabel(file.name), exact: true }).click();
        expect((await download).suggestedFilename()).toBe(file.name);
        if (index < files.length - 1)
          expect(await asksBeforeReload(page, t.revealedHeading), 'one file left').toBe(true);
      }
      await reloadWithoutQuestion(page);
      await waitForHeading(page, t.openedHereHeading);
    });
  });
});
