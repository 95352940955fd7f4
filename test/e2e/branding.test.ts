/**
 * The operator's brand on every page (the sender's, the recipient's, the requester's and
 * the responder's), in English and German, narrow and wide, under the real CSP with no
 * console error; axe-clean; the operator named once on each (in the footer, or on the
 * recipient's page beside "What is this?"); and the switches as the page offers them.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ContextRecorder } from '../helpers/browser.js';
import { scan, type Violation } from './axe.js';
import { storeRequest, storeSecretLinks } from './forge.js';
import { freshContext, useServerAndBrowser } from './harness.js';
import { openCreatePage } from './pages.js';

const BRAND = {
  brandName: 'Rosa Secrets',
  brandOperator: 'Rosa Café GmbH',
  brandLogo: 'test/fixtures/brand/logo.svg',
  brandAccent: '#2a6f4e',
  brandLead: 'Send us passwords this way, never by email.',
  brandImprintUrl: 'https://rosa.example/impressum',
  brandPrivacyUrl: '/privacy',
  brandTermsUrl: 'https://rosa.example/terms',
};

const WORDS = {
  en: {
    runBy: 'This site is run by Rosa Café GmbH.',
    runByForRecipient: 'This site is run by Rosa Café GmbH.',
    whatIsThis: 'What is this?',
    reveal: 'Reveal',
    links: ['Imprint', 'Privacy', 'Terms'],
    about: 'About this site',
  },
  de: {
    runBy: 'Diese Seite wird von Rosa Café GmbH betrieben.',
    runByForRecipient: 'Diese Website wird von Rosa Café GmbH betrieben.',
    whatIsThis: 'Was ist das?',
    reveal: 'Öffnen',
    links: ['Impressum', 'Datenschutz', 'Nutzungsbedingungen'],
    about: 'Über diese Seite',
  },
};

/** How often the page's visible text names the operator. */
const operatorMentions = (page: Page) =>
  page.evaluate((name) => document.body.innerText.split(name).length - 1, BRAND.brandOperator);

describe('branding', () => {
  const env = useServerAndBrowser(BRAND);

  /** One link of each kind the pages serve: /, /request, /s/, /r/, /q/, /i/. */
  async function everyPage(): Promise<[string, string][]> {
    const origin = env.server.url;
    const secret = await storeSecretLinks(origin, { text: 'branded', files: [] });
    const request = await storeRequest(origin, 'Please send the key.');
    return [
      ['create', `${origin}/`],
      ['request', `${origin}/request`],
      ['reveal', secret.link],
      ['receipt', secret.receiptLink],
      ['answer', request.requestLink],
      ['inbox', request.inboxLink],
    ];
  }

  /** Opens `url` and waits until the page has drawn its heading. */
  async function open(page: Page, url: string): Promise<void> {
    await page.goto(url);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
  }

  for (const language of ['en', 'de'] as const) {
    it(`shows the brand on every page in ${language}, at 360 and 1280 px, with no console error or CSP violation`, async () => {
      const recorders: ContextRecorder[] = [];
      const words = WORDS[language];
      const context = await freshContext(env.browser, recorders, { locale: language === 'de' ? 'de-DE' : 'en-GB' });
      const page = await context.newPage();
      const failed: string[] = [];
      page.on('response', (response) => {
        if (response.status() >= 400 && !response.url().includes('/api/')) failed.push(response.url());
      });
      for (const [name, url] of await everyPage()) {
        for (const width of [360, 1280]) {
          await page.setViewportSize({ width, height: 800 });
          await open(page, url);
          const where = `${name} at ${width} px`;
          const home = page.getByRole('banner').getByRole('link', { name: 'Rosa Secrets' });
          expect(await home.getAttribute('href'), where).toBe('/');
          const logo = home.locator('img');
          expect(await logo.getAttribute('src'), where).toBe('/brand/logo.svg');
          expect(await logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), where).toBe(
            true,
          );
          expect(await page.title(), where).toMatch(/ – Rosa Secrets$/);

          const footer = page.getByRole('contentinfo');
          if (name === 'reveal') {
            // Said once, where a recipient deciding whether to trust the page looks: beside "What is this?".
            await page.getByRole('main').getByText(words.runByForRecipient).waitFor();
            await page.getByRole('main').getByRole('button', { name: words.whatIsThis }).waitFor();
          } else await footer.getByText(words.runBy).waitFor();
          expect(await operatorMentions(page), where).toBe(1);
          const links = footer.getByRole('navigation', { name: words.about }).getByRole('link');
          expect(await links.allTextContents(), where).toEqual(words.links);
          expect(await links.evaluateAll((as) => as.map((a) => a.getAttribute('href'))), where).toEqual([
            BRAND.brandImprintUrl,
            BRAND.brandPrivacyUrl,
            BRAND.brandTermsUrl,
          ]);
          // Nothing runs off the side of a narrow screen.
          expect(await page.evaluate(() => document.documentElement.scrollWidth), where).toBeLessThanOrEqual(width);
        }
      }
      // Beside a revealed secret "What is this?" is gone, and the footer names the operator again.
      await open(page, (await storeSecretLinks(env.server.url, { text: 'branded', files: [] })).link);
      await page.getByRole('button', { name: words.reveal, exact: true }).click();
      await page.getByRole('contentinfo').getByText(words.runBy).waitFor();
      expect(await operatorMentions(page)).toBe(1);

      // The operator's lead replaces the built-in one; the accent reaches the main button.
      await open(page, `${env.server.url}/`);
      await page.getByText(BRAND.brandLead).waitFor();
      const button = page.getByRole('button', {
        name: language === 'de' ? 'Geheimen Link erstellen' : 'Create secret link',
      });
      expect(await button.evaluate((b) => getComputedStyle(b).backgroundColor)).toBe('rgb(42, 111, 78)');
      expect(await button.evaluate((b) => getComputedStyle(b).color)).toBe('rgb(255, 255, 255)');
      expect(recorders.flatMap((r) => r.problems)).toEqual([]);
      expect(failed).toEqual([]);
      await context.close();
    });
  }

  it('is axe-clean on every page, in English and German, light and dark', async () => {
    const violations: Violation[] = [];
    for (const locale of ['en-GB', 'de-DE']) {
      const context = await freshContext(env.browser, [], { bypassCSP: true, locale });
      const page = await context.newPage();
      for (const [name, url] of await everyPage()) {
        await open(page, url);
        violations.push(...(await scan(page, `${name} (${locale})`)));
      }
      await context.close();
    }
    expect(violations).toEqual([]);
  });
});

describe('operator switches on the page', () => {
  const env = useServerAndBrowser({ allowFiles: false, requirePassphrase: true, allowRequests: false });

  it('offers no files and no requests, and asks for the passphrase it requires', async () => {
    const recorders: ContextRecorder[] = [];
    const page = await (await freshContext(env.browser, recorders)).newPage();
    await openCreatePage(page, env.server.url);
    expect(await page.getByRole('button', { name: 'Add files' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Request a secret' }).count()).toBe(0);

    await page.getByLabel('Secret', { exact: true }).fill('behind a passphrase');
    await page.getByRole('button', { name: 'Create secret link' }).click();
    await page
      .getByRole('alert')
      .getByText('Set a passphrase, or generate one: this site takes only secrets protected by one.')
      .waitFor();
    expect(await page.getByLabel('Passphrase (required)').getAttribute('aria-invalid')).toBe('true');

    await page.getByRole('button', { name: 'Generate a passphrase' }).click();
    await page.getByRole('button', { name: 'Create secret link' }).click();
    await page.getByRole('heading', { name: 'Your link is ready' }).waitFor();

    await page.goto(`${env.server.url}/request`);
    await page.getByText('This site does not take new requests for a secret.').waitFor();
    expect(await page.getByRole('button', { name: 'Create request link' }).count()).toBe(0);
    expect(recorders.flatMap((r) => r.problems)).toEqual([]);
  });
});
