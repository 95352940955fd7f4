/**
 * CREATE_AUTH=oidc in Chromium, against a real OpenID provider on 127.0.0.1: a visitor
 * who is not signed in sees why there is no form and a Sign in button; it takes them to
 * the provider and back, signed in, to create a secret and a request. A second context
 * that never signs in opens the secret and answers the request. A refused sign-in and
 * signing out say so. Every state in English and German, axe-clean, the CSP unbroken.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { ContextRecorder } from '../helpers/browser.js';
import { oidcConfig } from '../helpers/oidc-config.js';
import { startTestProvider, type TestProvider } from '../helpers/oidc-provider.js';
import { freePort } from '../helpers/redis-server.js';
import { scan, type Violation } from './axe.js';
import { freshContext, useServerAndBrowser } from './harness.js';
import { createRequest, createSecret, reveal, waitForHeading, waitForRevealForm } from './pages.js';

const SIGN_IN_NEEDED =
  'Only signed-in members of this organisation can share and request secrets here. Anyone you send a link to opens or answers it without signing in.';

let provider: TestProvider | undefined;
afterAll(() => provider?.close());

describe('creating with sign-in through an OpenID provider', () => {
  const env = useServerAndBrowser(async () => {
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    provider = await startTestProvider(`${origin}/auth/callback`, { 'anna@example.com': {} });
    return oidcConfig({ port, publicUrl: origin, oidcIssuer: provider.issuer });
  });
  const recorders: ContextRecorder[] = [];
  const origin = () => env.server.url;

  /** The sign-in gate as a visitor not signed in sees it: the words and the button, no form. */
  async function expectSignInGate(page: Page, words = SIGN_IN_NEEDED, button = 'Sign in'): Promise<void> {
    await page.getByText(words).waitFor();
    await page.getByRole('button', { name: button, exact: true }).waitFor();
    expect(await page.getByRole('textbox').count()).toBe(0);
    expect(await page.getByRole('button', { name: /Create/ }).count()).toBe(0);
  }

  /** Clicks Sign in and signs in at the test provider as `email`. */
  async function signIn(page: Page, email: string): Promise<void> {
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('heading', { name: 'Test provider sign-in' }).waitFor();
    await page.getByLabel('Email').fill(email);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  it('signs a sender in at the provider; what they make opens and is answered without any sign-in', async () => {
    const sender = await (await freshContext(env.browser, recorders)).newPage();
    await sender.goto(`${origin()}/request`);
    await expectSignInGate(sender);
    await signIn(sender, 'anna@example.com');
    // Back where they started, signed in.
    await sender.getByText('Signed in as anna@example.com').waitFor();
    expect(new URL(sender.url()).pathname).toBe('/request');
    await sender.getByRole('button', { name: 'Sign out' }).waitFor();
    const { requestLink, inboxLink } = await createRequest(sender, origin(), 'Your VPN password, please');
    const { link } = await createSecret(sender, origin(), { text: 'the wifi password' });

    const anonymousContext = await freshContext(env.browser, recorders);
    const anonymous = await anonymousContext.newPage();
    await anonymous.goto(link);
    await waitForRevealForm(anonymous);
    expect(await reveal(anonymous)).toBe('the wifi password');
    await anonymous.goto(requestLink);
    await waitForHeading(anonymous, 'You have been asked for a secret');
    await anonymous.getByLabel('Secret', { exact: true }).fill('vpn-hunter2');
    await anonymous.getByRole('button', { name: 'Encrypt and send' }).click();
    await waitForHeading(anonymous, 'Sent');
    await expectNoSignIn(anonymousContext);

    // The inbox needs no sign-in either, but the sender is signed in anyway; the answer arrived.
    await sender.goto(inboxLink);
    await waitForHeading(sender, 'An answer is waiting');
    // Only the create calls and /api/limits carried the session; looking at what was made never does.
    const sent = await recorders[0]!.requests();
    const withCookie = sent.filter((request) => request.headers.cookie?.includes('burnlink-session'));
    expect(withCookie.map((request) => `${request.method} ${new URL(request.url).pathname}`)).toEqual(
      expect.arrayContaining(['GET /api/limits', 'POST /api/secrets', 'POST /api/requests']),
    );
    for (const request of sent.filter((request) => /\/api\/(secrets|requests)\/./.test(request.url))) {
      expect(request.headers.cookie, request.url).toBeUndefined();
    }

    // Signing out closes the form again.
    await sender.goto(`${origin()}/`);
    await sender.getByRole('button', { name: 'Sign out' }).click();
    await expectSignInGate(sender);
    const cookies = await sender.context().cookies();
    expect(cookies.map((cookie) => cookie.name)).not.toContain('burnlink-session');
  });

  it('says so when the provider signs in someone who may not create, and keeps the form closed', async () => {
    const page = await (await freshContext(env.browser, recorders)).newPage();
    await page.goto(`${origin()}/`);
    await signIn(page, 'mallory@elsewhere.example');
    await page
      .getByRole('alert')
      .getByText(
        'You are signed in, but your account may not share or request secrets here. Ask whoever runs this site.',
      )
      .waitFor();
    await expectSignInGate(page);
    // The report leaves the address, so a reload does not repeat it.
    expect(page.url()).toBe(`${origin()}/`);
  });

  it('shows the sign-in states in English and German, axe-clean', async () => {
    const violations: Violation[] = [];
    for (const [locale, words, button, signedIn] of [
      ['en-GB', SIGN_IN_NEEDED, 'Sign in', 'Signed in as anna@example.com'],
      [
        'de-DE',
        'Nur angemeldete Mitglieder dieser Organisation können hier Geheimnisse teilen und anfordern. Wer von Ihnen einen Link bekommt, öffnet oder beantwortet ihn ohne Anmeldung.',
        'Anmelden',
        'Angemeldet als anna@example.com',
      ],
    ] as const) {
      const context = await freshContext(env.browser, [], { bypassCSP: true, locale });
      const page = await context.newPage();
      await page.goto(`${origin()}/`);
      await expectSignInGate(page, words, button);
      violations.push(...(await scan(page, `${locale} sign-in needed`)));
      await page.goto(`${origin()}/?signin=failed`);
      await page.getByRole('alert').waitFor();
      violations.push(...(await scan(page, `${locale} sign-in failed`)));
      await page.getByRole('button', { name: button, exact: true }).click();
      await page.getByLabel('Email').fill('anna@example.com');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByText(signedIn).waitFor();
      violations.push(...(await scan(page, `${locale} signed in`)));
      await context.close();
    }
    expect(violations).toEqual([]);
  });

  it('broke no CSP rule and raised no script error', () => {
    expect(recorders.flatMap((recorder) => recorder.problems)).toEqual([]);
  });
});

/** Nothing of sign-in reached a context: no sign-in words shown, no cookie of ours, no /auth request. */
async function expectNoSignIn(context: BrowserContext): Promise<void> {
  for (const page of context.pages()) expect(await page.locator('body').innerText()).not.toMatch(/Sign in|Signed in/);
  expect((await context.cookies()).map((cookie) => cookie.name)).toEqual([]);
}
