/**
 * Every state of the request, answer and inbox pages, in English and German: each has
 * its own message, axe-core finds nothing (light and dark), it fits a 360 px screen
 * without sideways scrolling, and no page logs an error. The texts come from the
 * catalogs, so this checks each language shows its own.
 */
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import type { ContextRecorder } from '../helpers/browser.js';
import { messages } from '../helpers/catalogs.js';
import { scan, type Violation } from './axe.js';
import { storeRequest, storeSwappedRequest } from './forge.js';
import { freshContext, TestClock, useServerAndBrowser } from './harness.js';

const [en, de] = await Promise.all([messages('en'), messages('de')]);
const LONG_NOTE = `${'A long unbroken line '.repeat(3)}${'x'.repeat(300)}\n<script>alert(1)</script>`;

describe.each([
  { language: 'en', locale: 'en-US', t: en },
  { language: 'de', locale: 'de-DE', t: de },
])('request pages in $language', ({ locale, t }) => {
  // SMTP pointing nowhere: the alert option shows; nothing here is answered with it on.
  const clock = new TestClock();
  const env = useServerAndBrowser({ minExpiresIn: 1, smtpUrl: 'smtp://127.0.0.1:9', mailFrom: 'b@burnlink.test' }, [], {
    clock,
  });
  const recorders: ContextRecorder[] = [];
  const violations: Violation[] = [];
  const states: string[] = [];

  async function page(): Promise<Page> {
    const context = await freshContext(env.browser, recorders, { locale, bypassCSP: true });
    const opened = await context.newPage();
    await opened.setViewportSize({ width: 360, height: 800 });
    return opened;
  }

  /** Loads a link afresh: going to the same address with only a new fragment would not reload the page. */
  async function open(on: Page, link: string) {
    await on.goto('about:blank');
    await on.goto(link);
  }

  /** Waits for the heading, then checks the state: accessible, and no wider than the screen. */
  async function state(on: Page, heading: string, name: string) {
    await on.getByRole('heading', { name: heading, exact: true }).waitFor();
    states.push(name);
    violations.push(...(await scan(on, name)));
    const overflow = await on.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${name} fits 360 px`).toBeLessThanOrEqual(0);
  }

  it('has a message for every state of the requester’s form', async () => {
    const requester = await page();
    await open(requester, `${env.server.url}/request`);
    await requester.getByLabel(t.request.expiresLabel).and(requester.locator(':enabled')).waitFor();
    await requester.getByLabel(t.alert.answered).check();
    await requester.getByLabel(t.request.noteLabel).fill('n'.repeat(2001));
    await requester.getByRole('button', { name: t.request.submit }).click();
    await requester.getByText(t.request.problems.noteTooLong(2000)).waitFor();
    await state(requester, t.request.title, 'request: note too long, alert ticked');
    await requester.getByLabel(t.request.noteLabel).fill(LONG_NOTE);
    await requester.getByLabel(t.alert.addressLabel).fill('asker@example.test');
    await requester.getByRole('button', { name: t.request.submit }).click();
    await state(requester, t.requestCreated.heading, 'request: created');
  });

  it('has a message for every state of a request answered and read', async () => {
    const asked = await storeRequest(env.server.url, LONG_NOTE);
    const responder = await page();
    await open(responder, asked.requestLink);
    await responder.getByRole('button', { name: t.answer.submit }).click();
    await responder.getByText(t.answer.problems.empty).waitFor();
    await state(responder, t.answer.heading, 'answer: nothing typed');
    expect(await responder.locator('blockquote').innerText()).toBe(LONG_NOTE);
    expect(await responder.locator('blockquote *').count(), 'the note is text, never markup').toBe(0);

    const inbox = await page();
    await open(inbox, asked.inboxLink);
    await state(inbox, t.inbox.openHeading, 'inbox: open');

    await responder.getByLabel(t.answer.secretLabel, { exact: true }).fill('the answer');
    await responder.getByRole('button', { name: t.answer.submit }).click();
    await state(responder, t.answer.sentHeading, 'answer: sent');
    await open(responder, asked.requestLink);
    await state(responder, t.answer.answeredHeading, 'answer: already answered');

    await open(inbox, asked.inboxLink);
    await state(inbox, t.inbox.answeredHeading, 'inbox: answered');
    await inbox.getByRole('button', { name: t.inbox.button }).click();
    await state(inbox, t.inbox.revealedHeading, 'inbox: revealed');
    await open(inbox, asked.inboxLink);
    await state(inbox, t.inbox.readHeading, 'inbox: read');
  });

  it('has a message for every link that leads nowhere', async () => {
    const gone = await page();
    const [, , id] = new URL((await storeRequest(env.server.url, '')).requestLink).pathname.split('/');
    await open(gone, `${env.server.url}/q/${'A'.repeat(id!.length)}#1.${'A'.repeat(43)}`);
    await state(gone, t.answer.goneHeading, 'answer: gone');
    await open(gone, `${env.server.url}/q/${id}`);
    await state(gone, t.answer.brokenHeading, 'answer: no key in the link');
    await open(gone, await storeSwappedRequest(env.server.url));
    await state(gone, t.answer.undecryptableHeading, 'answer: swapped envelope');
    await open(gone, `${env.server.url}/i/${'A'.repeat(id!.length)}#1.${'A'.repeat(43)}`);
    await state(gone, t.inbox.goneHeading, 'inbox: unknown');
    await open(gone, `${env.server.url}/i/${id}#1.short`);
    await state(gone, t.inbox.brokenHeading, 'inbox: damaged key');

    const expiring = await storeRequest(env.server.url, '', { expiresIn: 1 });
    clock.skip(2000); // past the 1 s expiry
    await open(gone, expiring.inboxLink);
    await state(gone, t.inbox.expiredHeading, 'inbox: expired');
    await gone.getByText(t.inbox.expiredUnanswered).waitFor();
  });

  afterAll(() => {
    expect(states).toHaveLength(15);
    expect(violations).toEqual([]);
    for (const recorder of recorders) expect(recorder.problems).toEqual([]);
  });
});
