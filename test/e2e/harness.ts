/**
 * What every browser test file needs: the real app on 127.0.0.1 and Debian's
 * Chromium, started before the file's tests and closed after them, and fresh
 * browser contexts that record what they send.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { Config } from '../../server/config.js';
import { ContextRecorder, launchBrowser } from '../helpers/browser.js';
import { startServer, type RunningServer } from '../helpers/server.js';

export interface Harness {
  readonly server: RunningServer;
  readonly browser: Browser;
}

/**
 * Starts a server (with these config overrides, or those a function resolves to once
 * what they name is running) and Chromium (with these extra arguments) for the file.
 */
export function useServerAndBrowser(
  overrides: Partial<Config> | (() => Promise<Partial<Config>>) = {},
  browserArgs: string[] = [],
): Harness {
  const harness = {} as { server: RunningServer; browser: Browser };
  beforeAll(async () => {
    const config = typeof overrides === 'function' ? overrides() : Promise.resolve(overrides);
    [harness.server, harness.browser] = await Promise.all([
      config.then((resolved) => startServer(resolved)),
      launchBrowser(browserArgs),
    ]);
  });
  afterAll(async () => {
    await harness.browser?.close();
    await harness.server?.close();
  });
  return harness;
}

/** A fresh browser context (no cookies, storage or history) that records its requests and problems. */
export async function freshContext(
  browser: Browser,
  recorders: ContextRecorder[] = [],
  options: Parameters<Browser['newContext']>[0] = {},
): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  // Generous: the CI machine has 2 cores shared by every test file running at once.
  context.setDefaultTimeout(30_000);
  recorders.push(new ContextRecorder(context));
  return context;
}
