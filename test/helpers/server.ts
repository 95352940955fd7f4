/**
 * Builds the real app for tests: `buildTestApp` for `inject` (closed when the test
 * ends), `startServer` for a real socket on 127.0.0.1.
 */
import type { FastifyInstance } from 'fastify';
import { onTestFinished } from 'vitest';
import { buildApp, type AppOptions } from '../../server/app.js';
import { defaultConfig, type Config } from '../../server/config.js';

/** The page `vite build` makes: for the tests of the page itself (test/e2e). */
export const BUILT_PAGE = 'dist/public';
/**
 * A small stand-in page (each page's HTML, an icon and one precompressed script), so that
 * the server's tests run without a build.
 */
export const FIXTURE_PAGE = 'test/fixtures/public';

/**
 * A test config: silent, random port, the fixture page, and no per-address limits,
 * byte budget or headroom (tests that race hundreds of requests from one address, or
 * fill the store, set their own).
 */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return defaultConfig({
    logLevel: 'silent',
    port: 0,
    webRoot: FIXTURE_PAGE,
    rateLimitCreate: 0,
    rateLimitReveal: 0,
    rateLimitManage: 0,
    rateLimitSignIn: 0,
    byteBudgetMibDays: 0,
    storeHeadroomPercent: 0,
    maxUploadsPerClient: 0,
    ...overrides,
  });
}

/** An app for `inject`, closed when the current test finishes. */
export async function buildTestApp(
  overrides: Partial<Config> = {},
  options: AppOptions = {},
): Promise<FastifyInstance> {
  const app = await buildApp(testConfig(overrides), options);
  onTestFinished(() => app.close());
  return app;
}

export interface RunningServer {
  url: string;
  app: FastifyInstance;
  close(): Promise<void>;
}

/** The app listening on 127.0.0.1 on a free port (or the config's); the caller closes it. */
export async function startServer(overrides: Partial<Config> = {}, options: AppOptions = {}): Promise<RunningServer> {
  const config = testConfig(overrides);
  const app = await buildApp(config, options);
  try {
    const address = await app.listen({ host: '127.0.0.1', port: config.port });
    return { url: address, app, close: () => app.close() };
  } catch (error) {
    await app.close();
    throw error;
  }
}
