/**
 * The link survives email: the body the page puts in its mailto: link goes into a
 * plain-text message as a mail program builds it (quoted-printable, long lines
 * wrapped), through a real SMTP conversation, back out of a MIME parser, through a
 * linkifier like a mail reader's, and opens the secret in Chromium.
 */
import { find } from 'linkifyjs';
import { simpleParser } from 'mailparser';
import { createTransport } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMailbox, type Mailbox } from '../helpers/mailbox.js';
import { freshContext, useServerAndBrowser } from './harness.js';
import { reveal } from './pages.js';

const SECRET = 'mailed: p@ss=word 🔑';

describe('a secret link sent by email', () => {
  const env = useServerAndBrowser();
  let mailbox: Mailbox;

  beforeAll(async () => {
    mailbox = await startMailbox();
  });

  afterAll(async () => {
    await mailbox?.close();
  });

  it('arrives intact through SMTP, quoted-printable and a linkifier, and reveals the secret', async () => {
    const sender = await (await freshContext(env.browser, [], { locale: 'de-DE' })).newPage();
    await sender.goto(`${env.server.url}/`);
    await sender.getByLabel('Läuft ab nach').and(sender.locator(':enabled')).waitFor();
    await sender.getByLabel('Geheimnis', { exact: true }).fill(SECRET);
    await sender.getByRole('button', { name: 'Geheimen Link erstellen' }).click();
    await sender.getByRole('heading', { name: 'Ihr Link ist fertig' }).waitFor();
    const link = await sender.getByLabel('Geheimer Link', { exact: true }).inputValue();
    const mailto = new URL((await sender.getByRole('link', { name: 'Link per E-Mail senden' }).getAttribute('href'))!);
    const subject = mailto.searchParams.get('subject')!;
    const body = mailto.searchParams.get('body')!;
    expect(body.split('\r\n'), 'the mailto: body holds the exact link on a line of its own').toContain(link);

    // What the mail program does with it. A long line, so the wrapping reaches the link.
    const text = `${body.replace(link, `Hier ist er, bitte gleich öffnen, bevor er abläuft oder verloren geht: ${link}`)}\r\n`;
    const transport = createTransport({ host: '127.0.0.1', port: mailbox.port, secure: false, ignoreTLS: true });
    await transport.sendMail({
      from: 'Absender <sender@example.test>',
      to: 'Empfängerin <recipient@example.test>',
      subject,
      text,
      textEncoding: 'quoted-printable',
    });
    transport.close();

    expect(mailbox.messages).toHaveLength(1);
    const raw = mailbox.messages[0]!.toString('latin1');
    expect(raw).toMatch(/Content-Transfer-Encoding: quoted-printable/i);
    expect(raw, 'the link was wrapped in transit').not.toContain(link);
    expect(raw.split('\r\n').every((line) => line.length <= 78)).toBe(true);

    const parsed = await simpleParser(mailbox.messages[0]!);
    expect(parsed.subject).toBe('Ein Geheimnis für Sie');
    const found = find(parsed.text!, 'url').map((match) => match.href);
    expect(found).toEqual([link]);

    const recipient = await (await freshContext(env.browser)).newPage();
    await recipient.goto(found[0]!);
    expect(await reveal(recipient)).toBe(SECRET);
  });
});
