/**
 * A passphrase with a character the format refuses (docs/FORMAT.md §2.1), as pasting
 * from a web page or a word processor brings in: the create page and the reveal page
 * name the invisible character, nothing is sent, and no attempt is spent.
 */
import { describe, expect, it } from 'vitest';
import type { ContextRecorder } from '../helpers/browser.js';
import { storeSecret } from './forge.js';
import { freshContext, useServerAndBrowser } from './harness.js';
import { openCreatePage, reveal, waitForRevealForm } from './pages.js';

describe('invisible characters in a passphrase', () => {
  const env = useServerAndBrowser();

  it('are refused by name on the create page, with nothing sent', async () => {
    const recorders: ContextRecorder[] = [];
    const page = await (await freshContext(env.browser, recorders)).newPage();
    await openCreatePage(page, env.server.url);
    await page.getByLabel('Secret', { exact: true }).fill('soft');
    await page.getByLabel('Passphrase (optional)').fill('pass\u00adphrase');
    await page.getByRole('button', { name: 'Create secret link' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').innerText()).toBe(
      'The passphrase contains an invisible or formatting character (U+00AD), perhaps pasted along with it. ' +
        'Type the passphrase instead, or generate one.',
    );
    expect(await page.getByLabel('Passphrase (optional)').inputValue(), 'kept for fixing').toBe('pass\u00adphrase');
    const requests = await recorders[0]!.requests();
    expect(requests.filter((r) => r.method === 'POST' && r.url.endsWith('/api/secrets'))).toEqual([]);
  });

  it('are refused by name on the reveal page without spending an attempt', async () => {
    const link = await storeSecret(env.server.url, { text: 'behind it', files: [] }, { passphrase: 'right one' });
    const recorders: ContextRecorder[] = [];
    const page = await (await freshContext(env.browser, recorders)).newPage();
    await page.goto(link);
    await waitForRevealForm(page);
    const passphrase = page.getByLabel('Passphrase', { exact: true });
    await passphrase.fill('right\u200bone');
    await page.getByRole('button', { name: 'Reveal' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').innerText()).toBe(
      'The passphrase contains an invisible or formatting character (U+200B), perhaps pasted along with it, ' +
        'so it cannot be the right one. Type it instead; no attempt was used.',
    );
    const reveals = async () => (await recorders[0]!.requests()).filter((r) => r.url.endsWith('/reveal')).length;
    expect(await reveals(), 'refused before asking the server, so no attempt counted').toBe(0);

    await passphrase.fill('right one');
    expect(await reveal(page)).toBe('behind it');
    expect(await reveals()).toBe(1);
  });
});
