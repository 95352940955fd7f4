/**
 * What the page does when things go wrong: nothing typed is lost, and every failure
 * says what happened in a message a person understands.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContextRecorder, launchBrowser } from '../helpers/browser.js';
import { startServer, type RunningServer } from '../helpers/server.js';
import { createSecret, reveal, screenshots, waitForRevealForm } from './pages.js';

describe('the page when the server cannot be reached', () => {
  let browser: Browser;
  let server: RunningServer;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function freshPage(): Promise<{ page: Page; recorder: ContextRecorder }> {
    const context = await browser.newContext();
    context.setDefaultTimeout(15_000);
    const recorder = new ContextRecorder(context);
    return { page: await context.newPage(), recorder };
  }

  it('keeps what the sender typed and explains, then creates once the server is back', async () => {
    const { page, recorder } = await freshPage();
    await page.goto(`${server.url}/`);
    await page.getByRole('button', { name: 'Create secret link' }).click();
    expect(await page.getByRole('alert').innerText()).toBe('Type or paste the secret first.');
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
    expect(await page.getByLabel('Views allowed').inputValue()).toBe('1');
    expect(recorder.problems).toEqual([]);
  });

  it('lets the recipient press Reveal again after a network failure, with nothing burned', async () => {
    const sender = await freshPage();
    const { link } = await createSecret(sender.page, server.url, { text: 'patience' });

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
