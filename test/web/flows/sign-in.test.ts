/**
 * The sign-in above the create and request forms, without a browser: while creating
 * needs a sign-in the visitor has not done, the form is hidden and a Sign in button says
 * why; signed in, the page says who, with Sign out for the provider's sign-in.
 */
import { describe, expect, it } from 'vitest';
import type { Limits } from '../../../web/src/lib/api.js';
import { CreateFlow } from '../../../web/src/pages/create.svelte.js';
import CreatePage from '../../../web/src/pages/CreatePage.svelte';
import { RequestFlow } from '../../../web/src/pages/request.svelte.js';
import RequestPage from '../../../web/src/pages/RequestPage.svelte';
import { signInAddress } from '../../../web/src/sign-in.js';
import { fakeApi, LIMITS } from './fake-api.js';
import { en, pageText, rendered } from './shown.js';

const t = en.signIn;

async function pages(create: Limits['create']) {
  const api = fakeApi({ limits: () => Promise.resolve({ ...LIMITS, create }) });
  const createFlow = new CreateFlow(api, 'https://burnlink.test');
  await createFlow.loadLimits();
  const requestFlow = new RequestFlow(api, 'https://burnlink.test', () => 'en');
  await requestFlow.loadLimits();
  return [
    { html: rendered(CreatePage, createFlow), text: pageText(CreatePage, createFlow) },
    { html: rendered(RequestPage, requestFlow), text: pageText(RequestPage, requestFlow) },
  ];
}

/** The forms of a page that a person sees: not `hidden`. */
const visibleForms = (html: string) => [...html.matchAll(/<form\b[^>]*>/g)].filter(([tag]) => !/\shidden\b/.test(tag));

describe('the sign-in on the create and request pages', () => {
  it('hides the form and offers Sign in while the visitor may not create (oidc)', async () => {
    for (const { html, text } of await pages({ auth: 'oidc', allowed: false, user: null })) {
      expect(visibleForms(html)).toEqual([]);
      expect(text).toContain(t.closedOidc);
      expect(html).toMatch(new RegExp(`<button type="button" class="primary"[^>]*>\\s*${t.signIn}\\s*</button>`));
      expect(text).not.toContain(t.signOut);
    }
  });

  it('explains the organisation’s sign-in for header mode', async () => {
    for (const { html, text } of await pages({ auth: 'header', allowed: false, user: null })) {
      expect(visibleForms(html)).toEqual([]);
      expect(text).toContain(t.closedHeader);
      expect(text).toContain(t.signIn);
    }
  });

  it('shows who is signed in, with Sign out only for the provider’s sign-in', async () => {
    for (const { html, text } of await pages({ auth: 'oidc', allowed: true, user: 'anna@example.com' })) {
      expect(text).toContain(t.signedInAs('anna@example.com'));
      expect(html).toContain('<form method="post" action="/auth/logout">');
      expect(visibleForms(html)).toHaveLength(2);
    }
    for (const { html, text } of await pages({ auth: 'header', allowed: true, user: 'anna' })) {
      expect(text).toContain(t.signedInAs('anna'));
      expect(html).not.toContain('/auth/logout');
    }
  });

  it('shows nothing of sign-in where anyone may create', async () => {
    for (const { html, text } of await pages(LIMITS.create)) {
      expect(visibleForms(html)).toHaveLength(1);
      for (const words of [t.signIn, t.closedOidc, t.closedHeader]) expect(text).not.toContain(words);
    }
  });

  it('sends Sign in through the provider back to the same page, or through the proxy to it', () => {
    expect(signInAddress('oidc', '/request')).toBe('/auth/login?return=%2Frequest');
    expect(signInAddress('header', '/request')).toBe('/request');
  });
});
