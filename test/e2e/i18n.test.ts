/**
 * Languages: chosen from the browser's languages, switchable on the page (and
 * remembered), English as the fallback; the other catalogs load only when chosen.
 */
import { describe, expect, it } from 'vitest';
import type { ContextRecorder } from '../helpers/browser.js';
import { freshContext, useServerAndBrowser } from './harness.js';
import { screenshots } from './pages.js';

describe('the page’s language', () => {
  const env = useServerAndBrowser();

  it('follows the browser’s languages: a secret sent and revealed in German', async () => {
    const recorders: ContextRecorder[] = [];
    const context = await freshContext(env.browser, recorders, { locale: 'de-AT', timezoneId: 'Europe/Vienna' });
    const sender = await context.newPage();
    await sender.goto(`${env.server.url}/`);
    await sender.getByRole('heading', { name: 'Ein Geheimnis teilen' }).waitFor();
    expect(await sender.evaluate(() => document.documentElement.lang)).toBe('de');
    expect(await sender.title()).toBe('Ein Geheimnis teilen – burnlink');
    await sender.getByLabel('Läuft ab nach').and(sender.locator(':enabled')).waitFor();
    expect(await sender.getByLabel('Läuft ab nach').locator('option').allInnerTexts()).toEqual([
      '5 Minuten',
      '1 Stunde',
      '1 Tag',
      '7 Tage',
      '30 Tage',
    ]);
    await screenshots(sender, 'create-de');

    await sender.getByLabel('Geheimnis', { exact: true }).fill('Grüße');
    await sender.getByLabel('Erlaubte Aufrufe').fill('2');
    await sender.getByRole('button', { name: 'Geheimen Link erstellen' }).click();
    await sender.getByRole('heading', { name: 'Ihr Link ist fertig' }).waitFor();
    await sender
      .getByText(/Er kann 2-mal geöffnet werden und läuft morgen ab, am \d\d\.\d\d\.\d{4}, \d\d:\d\d\./)
      .waitFor();
    const mailto = await sender.getByRole('link', { name: 'Link per E-Mail senden' }).getAttribute('href');
    expect(decodeURIComponent(mailto!.split('subject=')[1]!.split('&')[0]!)).toBe('Ein Geheimnis für Sie');
    expect(decodeURIComponent(mailto!.split('body=')[1]!)).toMatch(
      /mit einem Link, der 2-mal funktioniert und am .+ MEZ abläuft\./,
    );
    const link = await sender.getByLabel('Geheimer Link', { exact: true }).inputValue();

    const recipient = await context.newPage();
    await recipient.goto(link);
    await recipient.getByRole('heading', { name: 'Ihnen wurde ein Geheimnis geschickt' }).waitFor();
    await recipient.getByText(/Sie können es 2-mal öffnen\.[\s\S]*Es läuft morgen ab/).waitFor();
    await screenshots(recipient, 'reveal-de');
    await recipient.getByRole('button', { name: 'Öffnen' }).click();
    await recipient.getByRole('heading', { name: 'Ihr Geheimnis' }).waitFor();
    expect(await recipient.getByLabel('Geheimnis', { exact: true }).inputValue()).toBe('Grüße');
    await recipient.getByText('Derselbe Link kann es noch einmal öffnen').waitFor();
    expect(recorders[0]!.problems).toEqual([]);
  });

  it('switches on request, keeps what was typed, and remembers the choice', async () => {
    const recorders: ContextRecorder[] = [];
    const page = await (await freshContext(env.browser, recorders, { locale: 'en-GB' })).newPage();
    await page.goto(`${env.server.url}/`);
    await page.getByRole('heading', { name: 'Share a secret' }).waitFor();
    const loadedGerman = async () =>
      (await recorders[0]!.requests()).some((r) => /\/assets\/de-[^/]+\.js$/.test(r.url));
    expect(await loadedGerman(), 'only the chosen catalog is loaded').toBe(false);

    await page.getByLabel('Secret', { exact: true }).fill('typed in English');
    const languages = page.getByLabel('Language');
    expect(await languages.locator('option').allInnerTexts()).toEqual(['Deutsch', 'English']);
    await languages.selectOption({ label: 'Deutsch' });
    await page.getByRole('heading', { name: 'Ein Geheimnis teilen' }).waitFor();
    expect(await loadedGerman()).toBe(true);
    expect(await page.getByLabel('Geheimnis', { exact: true }).inputValue()).toBe('typed in English');
    expect(
      await page.evaluate(() => [document.documentElement.lang, localStorage.getItem('burnlink.language')]),
    ).toEqual(['de', 'de']);

    await page.reload();
    await page.getByRole('heading', { name: 'Ein Geheimnis teilen' }).waitFor();
    await page.getByLabel('Sprache').selectOption({ label: 'English' });
    await page.getByRole('heading', { name: 'Share a secret' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Share a secret' }).waitFor();
    expect(recorders[0]!.problems).toEqual([]);
  });

  it('falls back to English for a language it does not have', async () => {
    const page = await (await freshContext(env.browser, [], { locale: 'fr-FR' })).newPage();
    await page.goto(`${env.server.url}/`);
    await page.getByRole('heading', { name: 'Share a secret' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
  });
});
