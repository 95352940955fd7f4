/**
 * Asking for a secret, end to end in Chromium with three separate browser contexts
 * (DESIGN §5a): the requester makes a request with a note and an alert address; the
 * responder opens the request link and sends a multi-line secret with a file; the alert
 * arrives through a real SMTP server with nothing secret in it; the requester opens the
 * inbox link, reveals the answer exactly once; a second look says it is gone, and the
 * request link says answered. Every request of every context is recorded: no key is in
 * any of them, and the address only in the requester's.
 */
import { readFile } from 'node:fs/promises';
import { simpleParser } from 'mailparser';
import { afterAll, describe, expect, it } from 'vitest';
import { requestText, type ContextRecorder } from '../helpers/browser.js';
import { startMailbox, type Mailbox } from '../helpers/mailbox.js';
import { freshContext, useServerAndBrowser } from './harness.js';
import { attachFiles, screenshots, waitForHeading } from './pages.js';

const NOTE = 'Please send the card number for invoice 2291.\n<b>not bold</b> — danke!';
const ANSWER = '4111 1111 1111 1111\nexp 12/29\ncvc 123';
const FILE = { name: 'card-scan.txt', mimeType: 'text/plain', buffer: Buffer.from('front and back') };
const ADDRESS = 'asker@example.test';

describe('asking for a secret', () => {
  let mailbox: Mailbox;
  const env = useServerAndBrowser(async () => {
    mailbox = await startMailbox();
    return { smtpUrl: mailbox.url, mailFrom: 'burnlink <alerts@burnlink.test>' };
  });
  afterAll(async () => mailbox?.close());

  it('goes from a request to one read answer, with an alert that carries nothing secret', async () => {
    const recorders: ContextRecorder[] = [];
    const requester = await (await freshContext(env.browser, recorders)).newPage();
    await requester.goto(`${env.server.url}/`);
    await requester.getByRole('link', { name: 'Request a secret' }).click();
    await waitForHeading(requester, 'Request a secret');
    await requester.getByLabel('Note for the person (optional)').fill(NOTE);
    await requester.getByLabel('Stays open for').and(requester.locator(':enabled')).selectOption({ label: '7 days' });
    await requester.getByLabel('Email me when it has been answered').check();
    await requester.getByLabel('Your email address').fill(ADDRESS);
    await screenshots(requester, 'request-form');
    await requester.getByRole('button', { name: 'Create request link' }).click();
    await waitForHeading(requester, 'Your request link is ready');
    const requestLink = await requester.getByLabel('Request link', { exact: true }).inputValue();
    const inboxLink = await requester.getByLabel('Inbox link', { exact: true }).inputValue();
    const mailto = await requester.getByRole('link', { name: 'Send the request link by email' }).getAttribute('href');
    expect(decodeURIComponent(mailto!)).toContain(requestLink);
    expect(decodeURIComponent(mailto!)).not.toContain(inboxLink.split('#')[1]);
    await screenshots(requester, 'request-created');
    const requestKey = requestLink.split('#')[1]!.slice(2);
    const inboxKey = inboxLink.split('#')[1]!.slice(2);
    for (const link of [requestLink, inboxLink])
      expect(new URL(link).pathname.length + new URL(link).hash.length).toBeLessThanOrEqual(80);

    const responderContext = await freshContext(env.browser, recorders);
    const responder = await responderContext.newPage();
    await responder.goto(requestLink);
    await waitForHeading(responder, 'You have been asked for a secret');
    expect(await responder.locator('blockquote').innerText()).toBe(NOTE);
    await responder.getByText('Only the person who sent you this link can read what you send.').waitFor();
    expect(await responder.evaluate(() => location.hash)).toBe('');
    await responder.getByLabel('Secret', { exact: true }).fill(ANSWER);
    await attachFiles(responder, [FILE]);
    await screenshots(responder, 'answer-form');
    await responder.getByRole('button', { name: 'Encrypt and send' }).click();
    await waitForHeading(responder, 'Sent');

    const [raw] = await mailbox.waitForMessages(1);
    const mail = await simpleParser(raw!);
    expect(mail.to && 'text' in mail.to ? mail.to.text : '').toContain(ADDRESS);
    expect(mail.text).toMatch(/answered/);
    const { id } = { id: new URL(requestLink).pathname.split('/')[2]! };
    for (const secret of [id, requestKey, inboxKey, ANSWER.split('\n')[0]!, 'card-scan', NOTE.split('.')[0]!]) {
      expect(raw!.toString('latin1')).not.toContain(secret);
    }

    const reader = await (await freshContext(env.browser, recorders)).newPage();
    await reader.goto(inboxLink);
    await waitForHeading(reader, 'An answer is waiting');
    expect(await reader.locator('blockquote').innerText()).toBe(NOTE);
    expect(await reader.evaluate(() => location.hash)).toBe('');
    await screenshots(reader, 'inbox-answered');
    await reader.getByRole('button', { name: 'Reveal' }).click();
    await waitForHeading(reader, 'The answer');
    expect(await reader.getByLabel('Secret', { exact: true }).inputValue()).toBe(ANSWER);
    const [download] = await Promise.all([
      reader.waitForEvent('download'),
      reader.getByRole('button', { name: `Download ${FILE.name}` }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(FILE.name);
    expect(await readFile(await download.path(), 'utf8')).toBe('front and back');
    await screenshots(reader, 'inbox-revealed');

    const again = await (await freshContext(env.browser, recorders)).newPage();
    await again.goto(inboxLink);
    await waitForHeading(again, 'The answer has already been read');
    const responderAgain = await (await freshContext(env.browser, recorders)).newPage();
    await responderAgain.goto(requestLink);
    await waitForHeading(responderAgain, 'This request has already been answered');

    for (const recorder of recorders) expect(recorder.problems).toEqual([]);
    const sent = (await Promise.all(recorders.map((recorder) => recorder.requests()))).map((list) =>
      list.map(requestText).join('\n'),
    );
    for (const text of sent) {
      for (const key of [requestKey, inboxKey]) expect(text).not.toContain(key);
    }
    // The address went only with the requester's own request, never to the responder.
    expect(sent[0]).toContain(ADDRESS);
    for (const text of sent.slice(1)) expect(text).not.toContain(ADDRESS);
  });
});
