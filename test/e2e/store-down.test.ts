/**
 * The page when the server is up but its Redis is not (a real Redis, stopped): the `503`
 * is explained in the page's own words, in either language, nothing typed is lost, and
 * everything works again once Redis is back.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.js';
import { startRedis, type TestRedis } from '../helpers/redis-server.js';
import { BUILT_PAGE, startServer, type RunningServer } from '../helpers/server.js';
import { storeSecret } from './forge.js';
import { freshContext } from './harness.js';
import { openCreatePage, reveal, waitForRevealForm } from './pages.js';

describe('the page when the server cannot reach its store', () => {
  let redis: TestRedis;
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    // Persisted, so the secret stored before the outage is still there after it.
    redis = await startRedis({ args: ['--appendonly', 'yes', '--appendfsync', 'always'] });
    [server, browser] = await Promise.all([startServer({ webRoot: BUILT_PAGE, redisUrl: redis.url }), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await redis?.stop();
  });

  it('says so in its own words, keeps what was typed, and works again once the store is back', async () => {
    const link = await storeSecret(server.url, { text: 'waited for', files: [] });
    const recipient = await (await freshContext(browser)).newPage();
    await recipient.goto(link);
    await waitForRevealForm(recipient);
    const sender = await (await freshContext(browser)).newPage();
    await openCreatePage(sender, server.url);
    await sender.getByLabel('Secret', { exact: true }).fill('typed while Redis was down');

    await redis.kill();
    await sender.getByRole('button', { name: 'Create secret link' }).click();
    expect(await sender.getByRole('alert').innerText()).toBe(
      'The server cannot store secrets right now. Try again in a few minutes; what you typed is still here.',
    );
    expect(await sender.getByLabel('Secret', { exact: true }).inputValue()).toBe('typed while Redis was down');
    await recipient.getByRole('button', { name: 'Reveal' }).click();
    await recipient.getByRole('alert').filter({ hasText: 'storage' }).waitFor();
    expect(await recipient.getByRole('alert').innerText()).toBe(
      'The server’s storage is not available right now. Try again in a few minutes.',
    );
    await recipient.getByLabel('Language').selectOption('de');
    await recipient.getByRole('button', { name: 'Öffnen' }).click();
    await recipient.getByRole('alert').filter({ hasText: 'Speicher' }).waitFor();
    expect(await recipient.getByRole('alert').innerText()).toBe(
      'Der Speicher des Servers ist gerade nicht verfügbar. Versuchen Sie es in einigen Minuten erneut.',
    );

    await redis.restart();
    // The server reconnects by itself within a second or two; a person would simply try again later.
    while ((await fetch(`${server.url}/readyz`)).status !== 200) await sleep(100);
    await recipient.getByLabel('Sprache').selectOption('en');
    expect(await reveal(recipient)).toBe('waited for');
    await sender.getByRole('button', { name: 'Create secret link' }).click();
    await sender.getByRole('heading', { name: 'Your link is ready' }).waitFor();
  });
});
