/**
 * A passphrase and its buttons on a 360 px phone and at 1280 px, in English and German
 * (whose words are longer): on the create form (Show or Hide, Generate) and on the
 * result page (the generated passphrase, hidden, with Show or Hide and Copy), nothing
 * runs off the screen and no button is left alone on a line: the buttons stay together,
 * beside the field where there is room, else all on the line below it. Axe-clean.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Messages } from '../../web/src/i18n/messages.js';
import { messages } from '../helpers/catalogs.js';
import { freshContext, useServerAndBrowser } from './harness.js';
import { axeCleanShot, waitForHeading } from './pages.js';

const SHOTS = 'test-results/e2e/passphrase-row';

/** How a field and its buttons lie: `one line`, or `field above` all the buttons on one line below. */
async function rowLayout(page: Page, field: Locator, buttons: Locator[], where: string): Promise<string> {
  const width = page.viewportSize()!.width;
  expect(await page.evaluate(() => document.documentElement.scrollWidth), where).toBeLessThanOrEqual(width);
  const [box, ...buttonBoxes] = await Promise.all([field, ...buttons].map(async (part) => (await part.boundingBox())!));
  for (const part of [box!, ...buttonBoxes]) {
    expect(part.x, where).toBeGreaterThanOrEqual(0);
    expect(part.x + part.width, where).toBeLessThanOrEqual(width);
  }
  const tops = new Set(buttonBoxes.map((button) => Math.round(button.y)));
  expect([...tops], `${where}: the buttons on one line`).toHaveLength(1);
  const buttonsTop = buttonBoxes[0]!.y;
  if (Math.abs(box!.y - buttonsTop) < 1) return 'one line';
  expect(box!.y + box!.height, `${where}: the field above its buttons`).toBeLessThanOrEqual(buttonsTop);
  return 'field above';
}

describe('the passphrase row', () => {
  const env = useServerAndBrowser();

  describe.each(['en', 'de'] as const)('in %s', async (language) => {
    const m: Messages = await messages(language);

    it.each([360, 1280])('keeps its buttons together and on screen at %i px', async (width) => {
      const context = await freshContext(env.browser, [], {
        locale: language === 'de' ? 'de-DE' : 'en-US',
        viewport: { width, height: 800 },
        bypassCSP: true,
      });
      const page = await context.newPage();
      const expected = width === 360 ? 'field above' : 'one line';
      const clean = (state: string) =>
        axeCleanShot(page, `${language} ${width}: ${state}`, `${SHOTS}/${state}-${language}-${width}.png`);

      await page.goto(`${env.server.url}/`);
      await page.getByLabel(m.create.expiresLabel).and(page.locator(':enabled')).waitFor();
      const field = page.getByLabel(m.create.passphraseLabel, { exact: true });
      const generate = page.getByRole('button', { name: m.passphrase.generateLabel, exact: true });
      const show = page.getByRole('button', { name: m.passphrase.showLabel, exact: true });
      const hide = page.getByRole('button', { name: m.passphrase.hideLabel, exact: true });
      expect(await rowLayout(page, field, [show, generate], 'form, hidden')).toBe(expected);
      await generate.click();
      expect(await field.inputValue()).toMatch(/^(\w{4}-){4}\w{4}$/);
      expect(await rowLayout(page, field, [hide, generate], 'form, generated')).toBe(expected);
      await clean('form-generated');

      await page.getByLabel(m.create.secretLabel, { exact: true }).fill('behind a passphrase');
      await page.getByRole('button', { name: m.create.submit, exact: true }).click();
      await waitForHeading(page, m.created.heading);
      const kept = page.getByLabel(m.created.passphraseLabel, { exact: true });
      const copy = page.getByRole('button', { name: m.copy.label(m.created.passphraseLabel), exact: true });
      expect(await rowLayout(page, kept, [show, copy], 'result, hidden')).toBe(expected);
      await show.click();
      expect(await rowLayout(page, kept, [hide, copy], 'result, shown')).toBe(expected);
      // Shown whole: the field is wide enough for the generated passphrase.
      expect(await kept.evaluate((input: HTMLInputElement) => input.scrollWidth <= input.clientWidth)).toBe(true);
      await clean('result-shown');
      await context.close();
    });
  });
});
