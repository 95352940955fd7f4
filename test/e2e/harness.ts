/**
 * What every browser test file needs: the real app on 127.0.0.1 and Debian's
 * Chromium, started before the file's tests and closed after them, and fresh
 * browser contexts that record what they send.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { AppOptions } from '../../server/app.js';
import type { Config } from '../../server/config.js';
import { MemoryRequestStore } from '../../server/store/memory-requests.js';
import { MemoryStore } from '../../server/store/memory.js';
import { ContextRecorder, launchBrowser } from '../helpers/browser.js';
import { BUILT_PAGE, startServer, testConfig, type RunningServer } from '../helpers/server.js';

export interface Harness {
  readonly server: RunningServer;
  readonly browser: Browser;
}

/**
 * A clock that a test moves forward, so that what expires does so without the test
 * waiting for it: the in-memory stores of a server started with it read it.
 */
export class TestClock {
  #skippedMs = 0;
  readonly now = () => Date.now() + this.#skippedMs;

  skip(ms: number): void {
    this.#skippedMs += ms;
  }
}

/** The app's in-memory stores, as it makes them from `config`, but reading `clock`. */
function storesOn(clock: TestClock, config: Config): AppOptions {
  const limits = { maxAttempts: config.maxPassphraseAttempts, receiptRetentionSeconds: config.receiptRetentionSeconds };
  const store = new MemoryStore({ limits, maxBytes: config.memoryStoreBytes, now: clock.now });
  return { store, requests: new MemoryRequestStore({ limits, budget: store.budget, now: clock.now }) };
}

/**
 * Starts a server on the built page (with these config overrides, or those a function resolves to once
 * what they name is running; its stores on `clock` if given) and Chromium (with these
 * extra arguments) for the file.
 */
export function useServerAndBrowser(
  overrides: Partial<Config> | (() => Promise<Partial<Config>>) = {},
  browserArgs: string[] = [],
  { clock }: { clock?: TestClock } = {},
): Harness {
  const harness = {} as { server: RunningServer; browser: Browser };
  beforeAll(async () => {
    const config = typeof overrides === 'function' ? overrides() : Promise.resolve(overrides);
    const start = (resolved: Partial<Config>) => {
      const withPage = { webRoot: BUILT_PAGE, ...resolved };
      return startServer(withPage, clock ? storesOn(clock, testConfig(withPage)) : {});
    };
    [harness.server, harness.browser] = await Promise.all([config.then(start), launchBrowser(browserArgs)]);
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
