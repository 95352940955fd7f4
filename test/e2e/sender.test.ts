/**
 * The sender's side after issue 15, in Chromium, on a 360 px phone and at 1280 px, in
 * English and German: the form (Secret focused, Create in reach, no "drag" on phones,
 * toggles named for what they do, the private label), the result page (the two links
 * unmistakable, the generated passphrase to send separately, the files, the message
 * three ways and never the passphrase in it) and the warning before the link is lost.
 */
import { mkdir } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { encodeBase64Url } from '../../web/src/lib/base64url.js';
import { parseReceiptLocation } from '../../web/src/lib/link.js';
import { requestText, type ContextRecorder } from '../helpers/browser.js';
import { scan } from './axe.js';
import { freshContext, useServerAndBrowser } from './harness.js';

const SHOTS = '/tmp/h15a-shots';
const LABEL = 'DB password for Anna 🔑';

const WORDS = {
  en: {
    expires: 'Expires after',
    secret: 'Secret',
    create: 'Create secret link',
    ready: 'Your link is ready',
    link: 'Secret link',
    status: 'Status link',
    forRecipient: 'For the recipient',
    forYou: 'For you only',
    label: 'Private label, only for you (optional)',
    linkCopied: 'Secret link copied — paste it into your message',
    statusCopied: 'Status link copied — keep it for yourself',
    messageCopied: 'Message copied — paste it into your email',
    copyLink: 'Copy secret link',
    copyStatus: 'Copy status link',
    copyMessage: 'Copy message',
    copyPassphrase: 'Copy passphrase',
    showQr: 'Show QR code',
    hideQr: 'Hide QR code',
    showPassphrase: 'Show passphrase',
    hidePassphrase: 'Hide passphrase',
    generate: 'Generate a passphrase',
    passphrase: 'Passphrase (optional)',
    resultPassphrase: 'Passphrase',
    separately: 'not in the same email as the link',
    files: 'Files in it',
    addFiles: 'Add files',
    drag: /drag/i,
    allowed: /^\d[\d.,]*\u00a0kB of 8\u00a0MB allowed\.$/,
    name: 'Your name (optional)',
    subject: 'Subject (optional)',
    message: 'Message',
    share: 'Share',
    email: 'Send the link by email',
    another: 'Create another secret',
    labelNote: 'Your label',
    sender: 'Rosa Café',
    topic: 'Wi-Fi and contract',
    mailSubject: 'Wi-Fi and contract from Rosa Café',
    opening: 'Hello, this is Rosa Café. I am sending you a secret through burnlink, with a one-time link',
    nothingToPay: 'There is nothing to log into and nothing to pay.',
    needsPassphrase: 'You will also need a passphrase',
  },
  de: {
    expires: 'Läuft ab nach',
    secret: 'Geheimnis',
    create: 'Geheimen Link erstellen',
    ready: 'Ihr Link ist fertig',
    link: 'Geheimer Link',
    status: 'Statuslink',
    forRecipient: 'Für den Empfänger',
    forYou: 'Nur für Sie',
    label: 'Private Notiz, nur für Sie (optional)',
    linkCopied: 'Geheimer Link kopiert – fügen Sie ihn in Ihre Nachricht ein',
    statusCopied: 'Statuslink kopiert – behalten Sie ihn für sich',
    messageCopied: 'Nachricht kopiert – fügen Sie sie in Ihre E-Mail ein',
    copyLink: 'Geheimer Link kopieren',
    copyStatus: 'Statuslink kopieren',
    copyMessage: 'Nachricht kopieren',
    copyPassphrase: 'Passphrase kopieren',
    showQr: 'QR-Code anzeigen',
    hideQr: 'QR-Code ausblenden',
    showPassphrase: 'Passphrase anzeigen',
    hidePassphrase: 'Passphrase verbergen',
    generate: 'Passphrase erzeugen',
    passphrase: 'Passphrase (optional)',
    resultPassphrase: 'Passphrase',
    separately: 'nicht in derselben E-Mail wie den Link',
    files: 'Enthaltene Dateien',
    addFiles: 'Dateien hinzufügen',
    drag: /ziehen/i,
    allowed: /^\d[\d.,]*\u00a0kB von 8\u00a0MB erlaubt\.$/,
    name: 'Ihr Name (optional)',
    subject: 'Betreff (optional)',
    message: 'Nachricht',
    share: 'Teilen',
    email: 'Link per E-Mail senden',
    another: 'Weiteres Geheimnis erstellen',
    labelNote: 'Ihre Notiz',
    sender: 'Rosa Café',
    topic: 'WLAN und Vertrag',
    mailSubject: 'WLAN und Vertrag von Rosa Café',
    opening: 'Hallo, hier ist Rosa Café. Ich schicke Ihnen über burnlink ein Geheimnis',
    nothingToPay: 'Sie müssen sich nirgends anmelden und nichts bezahlen.',
    needsPassphrase: 'Sie brauchen außerdem eine Passphrase',
  },
} as const;

type Language = keyof typeof WORDS;
type Words = (typeof WORDS)[Language];
const MATRIX: [Language, number][] = [
  ['en', 360],
  ['en', 1280],
  ['de', 360],
  ['de', 1280],
];

interface Sender {
  page: Page;
  w: Words;
  recorder: ContextRecorder;
}

/** A sender's page on the create form, in `language` at `width` px, the Secret box waiting. */
async function senderPage(
  browser: Browser,
  origin: string,
  language: Language,
  width: number,
  options: { axe?: boolean; height?: number } = {},
): Promise<Sender> {
  const recorders: ContextRecorder[] = [];
  const context = await freshContext(browser, recorders, {
    locale: language === 'en' ? 'en-US' : 'de-DE',
    viewport: { width, height: options.height ?? 800 },
    permissions: ['clipboard-read', 'clipboard-write'],
    ...(options.axe && { bypassCSP: true }),
  });
  const page = await context.newPage();
  const w = WORDS[language];
  await page.goto(`${origin}/`);
  await page.getByLabel(w.expires).and(page.locator(':enabled')).waitFor();
  return { page, w, recorder: recorders[0]! };
}

async function shot(page: Page, name: string): Promise<void> {
  await mkdir(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** Presses Create and waits for the result page. */
async function create({ page, w }: Sender): Promise<void> {
  await page.getByRole('button', { name: w.create }).click();
  await page.getByRole('heading', { name: w.ready }).waitFor();
}

const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());

/** Whether a field shows all of its value: nothing cut off to the side or below. */
const showsWhole = (page: Page, label: string) =>
  page
    .getByLabel(label, { exact: true })
    .evaluate((field) => field.scrollWidth <= field.clientWidth && field.scrollHeight <= field.clientHeight + 1);

describe('the sender’s page', () => {
  const env = useServerAndBrowser();

  it.each(MATRIX)('%s at %i px: form and result page, axe-clean', async (language, width) => {
    const sender = await senderPage(env.browser, env.server.url, language, width, { axe: true });
    const { page, w } = sender;
    const tag = `${language}-${width}`;

    // The Secret box has the focus from the start: typing goes in at once.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('secret-text');
    await page.keyboard.type('correct horse battery staple');
    expect(await page.getByLabel(w.secret, { exact: true }).inputValue()).toBe('correct horse battery staple');

    // Dragging is offered only where there is a mouse to drag with.
    const files = page.getByRole('group', { name: /Files|Dateien/ });
    if (width === 360) expect(await files.innerText()).not.toMatch(w.drag);
    else expect(await files.innerText()).toMatch(w.drag);

    // The passphrase toggle says what it will do.
    await page.getByRole('button', { name: w.generate }).click();
    const passphrase = await page.getByLabel(w.passphrase).inputValue();
    await page.getByRole('button', { name: w.hidePassphrase }).click();
    expect(await page.getByLabel(w.passphrase).getAttribute('type')).toBe('password');
    await page.getByRole('button', { name: w.showPassphrase }).click();
    expect(await page.getByLabel(w.passphrase).getAttribute('type')).toBe('text');

    await page.getByLabel(w.label).fill(LABEL);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: w.addFiles }).click();
    await (
      await chooser
    ).setFiles([{ name: 'contract.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(1500, 7) }]);
    const sizeLine = (await files.locator('.hint').last().innerText()).split(/(?<=\.) /).at(-1)!;
    expect(sizeLine).toMatch(w.allowed);

    expect(await scan(page, `form ${tag}`)).toEqual([]);
    await shot(page, `form-${tag}`);

    await create(sender);
    expect(await scan(page, `created ${tag}`)).toEqual([]);
    await shot(page, `created-${tag}`);

    // Two sections, one for the recipient and one visibly for the sender only.
    const forRecipient = page.getByRole('region', { name: w.forRecipient });
    const forYou = page.getByRole('region', { name: w.forYou });
    const link = await forRecipient.getByLabel(w.link, { exact: true }).inputValue();
    const statusLink = await forYou.getByLabel(w.status, { exact: true }).inputValue();
    expect(new URL(link).pathname).toMatch(/^\/s\//);
    expect(new URL(statusLink).pathname).toMatch(/^\/r\//);
    // Each link is shown whole, path included, at either width.
    expect(await showsWhole(page, w.link)).toBe(true);
    expect(await showsWhole(page, w.status)).toBe(true);

    // The label rides in the status link, and is shown beside it.
    const { pathname, hash } = new URL(statusLink);
    expect(parseReceiptLocation(pathname, hash).label).toBe(LABEL);
    expect(await forYou.innerText()).toContain(`${w.labelNote}: ${LABEL}`);

    // The files that went in, by name and size.
    const list = forRecipient.getByRole('list', { name: w.files });
    expect((await list.innerText()).replace(/\s+/g, ' ')).toMatch(/^contract\.pdf 1[.,]46\skB$/);

    // The generated passphrase: hidden, shown and hidden again on request, copied, to be sent separately.
    const result = forRecipient.getByLabel(w.resultPassphrase, { exact: true });
    expect(await result.getAttribute('type')).toBe('password');
    expect(await result.inputValue()).toBe(passphrase);
    expect(await forRecipient.innerText()).toContain(w.separately);
    await forRecipient.getByRole('button', { name: w.showPassphrase }).click();
    expect(await result.getAttribute('type')).toBe('text');
    await shot(page, `created-passphrase-shown-${tag}`);
    await forRecipient.getByRole('button', { name: w.hidePassphrase }).click();
    expect(await result.getAttribute('type')).toBe('password');
    await forRecipient.getByRole('button', { name: w.copyPassphrase }).click();
    expect(await clipboard(page)).toBe(passphrase);

    // The two copies say which link was copied, and what to do with it.
    await page.getByRole('button', { name: w.copyLink }).click();
    await forRecipient.getByText(w.linkCopied).waitFor();
    expect(await clipboard(page)).toBe(link);
    await page.getByRole('button', { name: w.copyStatus }).click();
    await forYou.getByText(w.statusCopied).waitFor();
    expect(await clipboard(page)).toBe(statusLink);
    await shot(page, `created-copied-${tag}`);

    // The QR toggle says what it will do.
    await page.getByRole('button', { name: w.showQr }).click();
    await page.getByRole('img').waitFor();
    expect(await scan(page, `qr ${tag}`)).toEqual([]);
    await shot(page, `created-qr-${tag}`);
    await page.getByRole('button', { name: w.hideQr }).click();
    expect(await page.getByRole('img').count()).toBe(0);
    expect(sender.recorder.problems).toEqual([]);
  });

  it.each(MATRIX)('%s at %i px: the Create button is in sight once a secret is typed', async (language, width) => {
    const sender = await senderPage(env.browser, env.server.url, language, width, { height: 740 });
    const { page, w } = sender;
    await page.keyboard.type('typed on a phone\nover a few lines\nlike this');
    const button = page.getByRole('button', { name: w.create });
    const inSight = await button.evaluate((element) => {
      const box = element.getBoundingClientRect();
      const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      return box.top >= 0 && box.bottom <= window.innerHeight && hit === element;
    });
    expect(inSight).toBe(true);
    await shot(page, `form-typed-${language}-${width}x740`);
    // Pressed where it is, without scrolling.
    const box = (await button.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.getByRole('heading', { name: w.ready }).waitFor();
  });

  describe('leaving the result page before the link is passed on', () => {
    /** Every dialog the page opens, each answered "stay". */
    function dialogs(page: Page): string[] {
      const seen: string[] = [];
      page.on('dialog', (dialog) => {
        seen.push(dialog.type());
        void dialog.dismiss();
      });
      return seen;
    }

    it.each([
      ['en', 1280],
      ['de', 360],
    ] as [Language, number][])(
      '%s at %i px: reload and Back ask first, until the link is copied',
      async (language, width) => {
        const sender = await senderPage(env.browser, env.server.url, language, width);
        const { page, w } = sender;
        // A page before this one, for Back to go to.
        await page.goto(`${env.server.url}/request`);
        await page.goto(`${env.server.url}/`);
        await page.getByLabel(w.expires).and(page.locator(':enabled')).waitFor();
        await page.getByLabel(w.secret, { exact: true }).fill('do not lose me');
        await create(sender);
        const seen = dialogs(page);

        // Buttons that stay on the page do not ask.
        await page.getByRole('button', { name: w.showQr }).click();
        await page.getByRole('button', { name: w.hideQr }).click();
        expect(seen).toEqual([]);

        await page.evaluate(() => location.reload());
        await expect.poll(() => seen).toEqual(['beforeunload']);
        await page.getByRole('heading', { name: w.ready }).waitFor();

        await page.evaluate(() => history.back());
        await expect.poll(() => seen).toEqual(['beforeunload', 'beforeunload']);
        expect(new URL(page.url()).pathname).toBe('/');
        await page.getByRole('heading', { name: w.ready }).waitFor();

        await page.getByRole('button', { name: w.copyLink }).click();
        await page.getByText(w.linkCopied).waitFor();
        await page.reload();
        await page.getByLabel(w.expires).and(page.locator(':enabled')).waitFor();
        expect(seen, 'no question once the link was copied').toEqual(['beforeunload', 'beforeunload']);
      },
    );

    it('does not ask once the message was copied, or the email written, or after Create another', async () => {
      for (const passOn of ['message', 'email', 'another'] as const) {
        const sender = await senderPage(env.browser, env.server.url, 'en', 1280);
        const { page, w } = sender;
        await page.getByLabel(w.secret, { exact: true }).fill(`passed on by ${passOn}`);
        await create(sender);
        const seen = dialogs(page);
        if (passOn === 'message') {
          await page.getByRole('button', { name: w.copyMessage }).click();
          await page.getByText(w.messageCopied).waitFor();
        } else if (passOn === 'email') {
          // The mail program is not there to open: the click is what counts, the page stays.
          await page.evaluate(() =>
            document.addEventListener(
              'click',
              (event) => {
                if ((event.target as Element).closest('a[href^="mailto:"]')) event.preventDefault();
              },
              true,
            ),
          );
          await page.getByRole('link', { name: w.email }).click();
        } else {
          await page.getByRole('button', { name: w.another }).click();
        }
        await page.reload();
        await page.getByLabel(w.expires).and(page.locator(':enabled')).waitFor();
        expect(seen, passOn).toEqual([]);
        await page.context().close();
      }
    });
  });

  describe('the message that carries the link', () => {
    it.each([
      ['en', 360],
      ['de', 1280],
    ] as [Language, number][])(
      '%s at %i px: Share, Copy message and email, never the passphrase',
      async (language, width) => {
        const recorders: ContextRecorder[] = [];
        const context = await freshContext(env.browser, recorders, {
          locale: language === 'en' ? 'en-US' : 'de-DE',
          viewport: { width, height: 800 },
          permissions: ['clipboard-read', 'clipboard-write'],
          bypassCSP: true,
        });
        // A browser with a Share sheet: what the page hands it is kept for the test.
        await context.addInitScript(() => {
          const shared: ShareData[] = [];
          Object.assign(window, { shared });
          Object.defineProperty(navigator, 'share', {
            value: (data: ShareData) => {
              shared.push(data);
              return Promise.resolve();
            },
          });
        });
        const page = await context.newPage();
        const w = WORDS[language];
        const sender: Sender = { page, w, recorder: recorders[0]! };
        await page.goto(`${env.server.url}/`);
        await page.getByLabel(w.expires).and(page.locator(':enabled')).waitFor();
        await page.getByLabel(w.secret, { exact: true }).fill('the wifi password');
        await page.getByRole('button', { name: w.generate }).click();
        const passphrase = await page.getByLabel(w.passphrase).inputValue();
        await create(sender);
        const link = await page.getByLabel(w.link, { exact: true }).inputValue();

        await page.getByLabel(w.name).fill(w.sender);
        await page.getByLabel(w.subject).fill(w.topic);
        const body = await page.getByLabel(w.message, { exact: true }).inputValue();
        const [paragraph, blank, last, ...rest] = body.split('\n');
        expect(paragraph).toContain(w.opening);
        expect(paragraph).toContain(w.nothingToPay);
        expect(paragraph).toContain(w.needsPassphrase);
        expect([blank, last, rest]).toEqual(['', link, []]);
        expect(body).not.toContain(passphrase);
        expect(await scan(page, `message ${language}-${width}`)).toEqual([]);
        await shot(page, `created-message-${language}-${width}`);

        await page.getByRole('button', { name: w.share, exact: true }).click();
        const shared = await page.evaluate(() => (window as unknown as { shared: ShareData[] }).shared);
        expect(shared).toEqual([{ title: w.mailSubject, text: body }]);

        await page.getByRole('button', { name: w.copyMessage }).click();
        await page.getByText(w.messageCopied).waitFor();
        expect(await clipboard(page)).toBe(body);

        const mailto = new URL((await page.getByRole('link', { name: w.email }).getAttribute('href'))!);
        expect(mailto.protocol).toBe('mailto:');
        expect(mailto.searchParams.get('subject')).toBe(w.mailSubject);
        expect(mailto.searchParams.get('body')).toBe(body.replace(/\n/g, '\r\n'));

        const everything = [body, JSON.stringify(shared), mailto.href, decodeURIComponent(mailto.href)].join('\n');
        expect(everything).not.toContain(passphrase);
        expect(sender.recorder.problems).toEqual([]);
      },
    );

    it('offers no Share button where the browser has no Share sheet', async () => {
      const sender = await senderPage(env.browser, env.server.url, 'en', 1280);
      expect(await sender.page.evaluate(() => 'share' in navigator)).toBe(false);
      await sender.page.getByLabel('Secret', { exact: true }).fill('no sheet here');
      await create(sender);
      await sender.page.getByRole('button', { name: 'Copy message' }).waitFor();
      expect(await sender.page.getByRole('button', { name: 'Share', exact: true }).count()).toBe(0);
    });
  });

  it('sends the private label to no one: it is in no request, neither creating nor opening the status page', async () => {
    const sender = await senderPage(env.browser, env.server.url, 'en', 360);
    const { page, w } = sender;
    await page.getByLabel(w.secret, { exact: true }).fill('labelled');
    await page.getByLabel(w.label).fill(LABEL);
    await create(sender);
    const statusLink = await page.getByLabel(w.status, { exact: true }).inputValue();
    await page.getByRole('button', { name: w.copyStatus }).click();
    await Promise.all([page.waitForResponse((response) => response.url().includes('/receipt')), page.goto(statusLink)]);

    const encoded = encodeBase64Url(new TextEncoder().encode(LABEL));
    const requests = await sender.recorder.requests();
    expect(requests.some((request) => request.url.includes('/receipt'))).toBe(true);
    for (const request of requests) {
      const text = requestText(request);
      expect(text, request.url).not.toContain(encoded);
      expect(text, request.url).not.toContain('DB password');
      expect(decodeURIComponent(text), request.url).not.toContain('DB password');
    }
  });

  it('keeps a passphrase the sender typed to themselves: not shown again, only the advice', async () => {
    const sender = await senderPage(env.browser, env.server.url, 'en', 1280);
    const { page, w } = sender;
    await page.getByLabel(w.secret, { exact: true }).fill('typed passphrase');
    await page.getByLabel(w.passphrase).fill('my own words');
    await create(sender);
    expect(await page.getByLabel(w.resultPassphrase, { exact: true }).count()).toBe(0);
    expect(await page.locator('main').innerText()).not.toContain('my own words');
    await page.getByText('The recipient also needs the passphrase. Tell it to them another way').waitFor();
  });
});
