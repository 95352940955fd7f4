/**
 * The sender's status page (/r/ID, the API's receipt) in Chromium, in English and German,
 * on a 360 px phone and at 1280 px: it says first, before anything to press, whose page it
 * is and where a recipient's secret link is; it shows the sender's private label (which no
 * request carries), when the secret was created and when and how it ended, and a link
 * scanner hint for a first view seconds after the create; it updates itself every 15 s
 * while visible and stops once nothing more can change. Every state is axe-clean (light
 * and dark), fits the screen, and logs no error. Time moves with Playwright's clock in
 * the page and the harness's TestClock in the server: nothing here waits for it.
 */
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { ApiClient, type Receipt } from '../../web/src/lib/api.js';
import { formatDuration } from '../../web/src/lib/display.js';
import { deriveKeys } from '../../web/src/lib/envelope.js';
import { parseLink, parseReceiptLocation, receiptLink } from '../../web/src/lib/link.js';
import { requestText, type ContextRecorder } from '../helpers/browser.js';
import { messages } from '../helpers/catalogs.js';
import { scan, type Violation } from './axe.js';
import { storeSecretLinks, type StoreOptions } from './forge.js';
import { freshContext, TestClock, useServerAndBrowser } from './harness.js';

const [en, de] = await Promise.all([messages('en'), messages('de')]);
const LABEL = 'DB-Passwort für Anna ✓';
const REFRESH_MS = 15_000;

describe.each([
  { language: 'en', locale: 'en-US', t: en.receipt },
  { language: 'de', locale: 'de-DE', t: de.receipt },
])('the status page in $language', ({ language, locale, t }) => {
  const clock = new TestClock();
  const env = useServerAndBrowser({ minExpiresIn: 1, maxPassphraseAttempts: 2 }, [], { clock });
  const recorders: ContextRecorder[] = [];
  const violations: Violation[] = [];
  const states: string[] = [];

  /** A secret stored as the page stores it, its status link carrying `label`, and what its receipt says now. */
  async function stored(options: StoreOptions & { label?: string } = {}) {
    const links = await storeSecretLinks(env.server.url, { text: 'status', files: [] }, options);
    const at = new URL(links.receiptLink);
    const { id, manageToken } = parseReceiptLocation(at.pathname, at.hash);
    const api = new ApiClient(env.server.url);
    return {
      ...links,
      statusLink: receiptLink(env.server.url, id, manageToken, options.label),
      receipt: () => api.receipt(id, manageToken),
      /** Reveals from Node, as a recipient's page (or a scanner that clicks) would. */
      reveal: async (passphrase = options.passphrase) => {
        const { key } = parseLink(links.link);
        return api.reveal(id, await deriveKeys(key, passphrase));
      },
    };
  }

  /** A fresh page at `width`, its clock faked from before the page loads. */
  async function page(width: number): Promise<Page> {
    const context = await freshContext(env.browser, recorders, { locale, bypassCSP: true });
    const opened = await context.newPage();
    await opened.setViewportSize({ width, height: 900 });
    await opened.clock.install();
    return opened;
  }

  /** Stops the page's clock: from here on only runFor moves it. */
  async function hold(on: Page) {
    // A second ahead: time passes between reading the clock and stopping it.
    await on.clock.pauseAt(await on.evaluate(() => Date.now() + 1000));
  }

  /** Opens a status link and waits for the page to show `text`; then holds the page's clock still. */
  async function open(on: Page, link: string, text: string) {
    await on.clock.resume();
    await on.goto('about:blank');
    await on.goto(link);
    await on.getByText(text, { exact: true }).waitFor();
    await hold(on);
  }

  /** "Updated at …" as the page writes it for its clock's time now. */
  function updatedNow(on: Page): Promise<string> {
    return on.evaluate(
      ([template, tag]) =>
        template.replace('TIME', new Intl.DateTimeFormat(tag, { timeStyle: 'medium' }).format(Date.now())),
      [t.updated('TIME'), locale] as const,
    );
  }

  /** Checks the state: accessible, no wider than the screen; saves a screenshot to look at. */
  async function state(on: Page, width: number, name: string) {
    const label = `${name} (${language}, ${width} px)`;
    states.push(label);
    // axe-core schedules its own work with timers, which a held clock would never run.
    await on.clock.resume();
    violations.push(...(await scan(on, label)));
    await hold(on);
    const overflow = await on.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${label} fits the screen`).toBeLessThanOrEqual(0);
    await mkdir('test-results/e2e', { recursive: true });
    const file = `status-${name.replace(/\W+/g, '-')}-${language}-${width}.png`;
    await on.screenshot({ path: `test-results/e2e/${file}`, fullPage: true });
  }

  /** The page's facts as "term: value" lines. */
  async function facts(on: Page): Promise<string[]> {
    return on.locator('.facts').evaluate((list) =>
      Array.from(list.querySelectorAll('dt')).map((term) => {
        const values: string[] = [];
        for (let next = term.nextElementSibling; next?.tagName === 'DD'; next = next.nextElementSibling) {
          values.push((next as HTMLElement).innerText.replace(/\s+/g, ' ').trim());
        }
        return `${term.textContent}: ${values.join(' ')}`;
      }),
    );
  }

  /** A time as the page writes it (its own formatter, in its language and time zone). */
  function moment(on: Page, ms: number): Promise<string> {
    return on.evaluate(
      ([ms, tag]) => new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'medium' }).format(ms),
      [ms, locale] as const,
    );
  }

  /** Counts the page's receipt requests from now on. */
  function receiptRequests(on: Page): { count: number } {
    const counter = { count: 0 };
    on.on('request', (request) => {
      if (request.url().endsWith('/receipt')) counter.count += 1;
    });
    return counter;
  }

  /** Makes the tab hidden or visible again, as switching tabs does. */
  async function setHidden(on: Page, hidden: boolean) {
    await on.evaluate((hidden) => {
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
      Object.defineProperty(document, 'visibilityState', {
        configurable: true,
        get: () => (hidden ? 'hidden' : 'visible'),
      });
      document.dispatchEvent(new Event('visibilitychange'));
    }, hidden);
  }

  const updatesItself = t.updatesItself(formatDuration(REFRESH_MS / 1000, locale));

  describe.each([360, 1280])('at %i px', (width) => {
    it('says whose page it is before anything to press, and shows the sender’s label and times', async () => {
      const secret = await stored({ label: LABEL, views: 2 });
      const sender = await page(width);
      await open(sender, secret.statusLink, t.pending);
      await sender.getByRole('heading', { name: t.title, level: 1 }).waitFor();
      expect(await sender.title()).toBe(`${t.title} – burnlink`);

      // The note for whoever got this link by mistake comes right after the heading, before Burn now.
      const order = await sender.evaluate(
        ([note, burn]) => {
          const all = Array.from(document.querySelectorAll('main h1, main p, main button'));
          const index = (text: string) => all.findIndex((element) => element.textContent?.trim() === text);
          return { heading: all.findIndex((e) => e.tagName === 'H1'), note: index(note), burn: index(burn) };
        },
        [t.forSender, t.burnNow] as const,
      );
      expect(order.note).toBe(order.heading + 1);
      expect(order.note).toBeLessThan(order.burn);

      await sender.getByText(t.labelCaption).waitFor();
      await sender.getByText(LABEL, { exact: true }).waitFor();
      const receipt = await secret.receipt();
      expect(await facts(sender)).toEqual([
        `${t.created}: ${await moment(sender, receipt.createdAt!)}`,
        expect.stringMatching(new RegExp(`^${t.expires}: `)),
        `${t.viewsLeft}: 2`,
        `${t.viewed}: ${t.never}`,
      ]);
      await sender.getByText(updatesItself).waitFor();
      await state(sender, width, 'pending with a label');

      // An update that does not get through keeps what the page showed, and says so.
      await sender.route('**/receipt', (route) => route.abort('connectionrefused'));
      await sender.clock.runFor(REFRESH_MS);
      await sender.getByText(t.updateFailed).waitFor();
      await sender.getByText(t.pending, { exact: true }).waitFor();
      await state(sender, width, 'an update failed');
      await sender.unroute('**/receipt');

      // Burn now asks first, then says when.
      await sender.getByRole('button', { name: t.burnNow }).click();
      await sender.getByRole('button', { name: t.burnYes }).waitFor();
      await state(sender, width, 'asks before burning');
      await sender.getByRole('button', { name: t.burnYes }).click();
      await sender.getByText(t.burned, { exact: true }).waitFor();
      const burned = await secret.receipt();
      expect(await facts(sender)).toEqual([
        `${t.created}: ${await moment(sender, receipt.createdAt!)}`,
        `${t.viewed}: ${t.never}`,
        `${t.endedByYou}: ${await moment(sender, burned.burnedAt!)}`,
      ]);
      expect(await sender.getByRole('button', { name: t.burnNow }).count()).toBe(0);
      expect(await sender.getByText(updatesItself).count()).toBe(0);
      await state(sender, width, 'burned by the sender');

      // The label lives in the fragment only: no request of this context carries it, in any spelling.
      const spellings = [LABEL, encodeURIComponent(LABEL), Buffer.from(LABEL).toString('base64url'), 'Anna'];
      const sent = (await Promise.all(recorders.map((recorder) => recorder.requests()))).flat().map(requestText);
      expect(sent.length).toBeGreaterThan(0);
      for (const spelling of spellings) expect(sent.filter((text) => text.includes(spelling))).toEqual([]);
    });

    it('updates itself every 15 s while visible, pauses while hidden, and stops at the end', async () => {
      const secret = await stored({ views: 1 });
      const sender = await page(width);
      const requests = receiptRequests(sender);
      await open(sender, secret.statusLink, t.pending);
      expect(requests.count).toBe(1);

      // Hidden, it asks nothing however long it waits; shown again, it asks at once.
      await setHidden(sender, true);
      await sender.clock.runFor(4 * REFRESH_MS);
      await sender.getByRole('button', { name: t.refresh }).click();
      await expect.poll(() => requests.count).toBe(2);
      const shownAgain = sender.waitForRequest((request) => request.url().endsWith('/receipt'));
      await setHidden(sender, false);
      await shownAgain;
      expect(requests.count).toBe(3);

      // A view in the meantime: the next update shows it, seconds after the create, with the scanner hint.
      const updated = await updatedNow(sender);
      await sender.getByText(updated).waitFor();
      await secret.reveal();
      await sender.clock.runFor(REFRESH_MS);
      await sender.getByText(t.viewedAll, { exact: true }).waitFor();
      expect(requests.count).toBe(4);
      const receipt: Receipt = await secret.receipt();
      expect(receipt.burnedAt).toBe(receipt.viewedAt[0]);
      expect(await facts(sender)).toEqual([
        `${t.created}: ${await moment(sender, receipt.createdAt!)}`,
        `${t.viewed}: ${await moment(sender, receipt.viewedAt[0]!)}`,
        `${t.endedByLastView}: ${await moment(sender, receipt.burnedAt!)}`,
      ]);
      const hint = sender.locator('p.note').filter({ hasText: /scanner/ });
      expect(await hint.innerText()).toMatch(
        language === 'de' ? /Linkscanner.*Passphrase/ : /link scanner.*passphrase/,
      );
      expect(await sender.getByText(updated).count(), 'the update time moved on').toBe(0);
      await sender.getByText(await updatedNow(sender)).waitFor();
      await state(sender, width, 'viewed within seconds, scanner hint');

      // Settled: however long it stays open, it asks nothing more (the Refresh button still does).
      await sender.clock.runFor(8 * REFRESH_MS);
      await sender.getByRole('button', { name: t.refresh }).click();
      await expect.poll(() => requests.count).toBe(5);
      await sender.clock.runFor(8 * REFRESH_MS);
      expect(requests.count).toBe(5);
    });

    it('says when and how a secret ended by wrong passphrases, by expiry, and by a late view', async () => {
      const sender = await page(width);

      const guarded = await stored({ passphrase: 'right horse' });
      for (let i = 0; i < 2; i++) await secretRefused(guarded.reveal('wrong horse'));
      await open(sender, guarded.statusLink, t.locked);
      const locked = await guarded.receipt();
      expect(await facts(sender)).toEqual([
        `${t.created}: ${await moment(sender, locked.createdAt!)}`,
        `${t.viewed}: ${t.never}`,
        `${t.endedByPassphrases}: ${await moment(sender, locked.burnedAt!)}`,
        `${t.wrongPassphrases}: 2`,
      ]);
      await state(sender, width, 'locked');

      const expiring = await stored({ expiresIn: 1 });
      clock.skip(2000); // past the 1 s expiry
      await open(sender, expiring.statusLink, t.expiredUnviewed);
      const expired = await expiring.receipt();
      expect(expired.burnedAt).toBe(expired.createdAt! + 1000);
      expect(await facts(sender)).toEqual([
        `${t.created}: ${await moment(sender, expired.createdAt!)}`,
        `${t.viewed}: ${t.never}`,
        `${t.endedByExpiry}: ${await moment(sender, expired.burnedAt!)}`,
      ]);
      await state(sender, width, 'expired');

      // A first view a minute after the create is a person's pace: no scanner hint.
      const late = await stored({ views: 2 });
      clock.skip(60_000);
      await late.reveal();
      await open(sender, late.statusLink, t.viewedSome(1));
      expect(await sender.locator('p.note').count(), 'only the note for whoever got the link by mistake').toBe(1);
      await sender.getByText(t.forSender).waitFor();
      await state(sender, width, 'viewed a minute later');

      await open(sender, `${env.server.url}/r/${'A'.repeat(21)}#${'A'.repeat(43)}`, t.goneText);
      await sender.getByRole('heading', { name: t.goneHeading }).waitFor();
      await sender.getByText(t.forSender).waitFor();
      await state(sender, width, 'no such status');
    });
  });

  afterAll(() => {
    expect(states).toHaveLength(2 * 9);
    expect(violations).toEqual([]);
    for (const recorder of recorders) expect(recorder.problems).toEqual([]);
  });
});

/** A wrong passphrase's reveal, which the server refuses with 403. */
async function secretRefused(reveal: Promise<unknown>): Promise<void> {
  await expect(reveal).rejects.toMatchObject({ status: 403, code: 'wrong_passphrase' });
}
