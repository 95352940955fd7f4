/**
 * The requester's inbox after Reveal (issue 15, "nothing is lost by accident"): the server
 * destroyed the answer as it handed it over, so a reload or Back says it was revealed here,
 * never that the link is damaged; the tab remembers only that. In English on a phone and
 * German on a desktop; every state is axe-clean.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Secret } from '../../web/src/lib/envelope.js';
import type { Messages } from '../../web/src/i18n/messages.js';
import { messages } from '../helpers/catalogs.js';
import { storeRequest } from './forge.js';
import { freshContext, useServerAndBrowser } from './harness.js';
import { axeCleanShot, mainText, reloadWithoutQuestion, waitForHeading } from './pages.js';

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

    const clean = (page: Page, state: string) =>
      axeCleanShot(page, `${language} ${width}: ${state}`, `${SHOTS}/${state}-${language}-${width}.png`);

    it('after a reload or Back says the answer was revealed here; the link again says when it was read', async () => {
      const text = 'hunter2 — the only copy';
      const { page, inboxLink } = await revealed({ text, files: [] });
      await clean(page, 'revealed');
      expect(await page.getByLabel(t.secretLabel, { exact: true }).inputValue()).toBe(text);

      // The inbox asks nothing before it is left (a person who wants the answer copies
      // it; DESIGN-NOTES says why only the recipient's page asks).
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
  });
});
