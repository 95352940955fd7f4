/**
 * What an email alert says, received through a real SMTP server and parsed as a mail
 * reader would: each kind in English and German, its headers, one link at most (the
 * home page), and nothing of what the caller holds — no id, key, token or ciphertext.
 */
import { randomBytes } from 'node:crypto';
import { simpleParser, type ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertEvent } from '../../server/alerts/alert-messages.js';
import { startMailbox, type Mailbox } from '../helpers/mailbox.js';
import { b64 } from '../helpers/proofs.js';
import { buildTestApp } from '../helpers/server.js';

const AT = Date.UTC(2026, 2, 5, 14, 3);
const READ_BY = Date.UTC(2026, 2, 6, 9, 30);
const MAIL = { smtpUrl: '', mailFrom: 'burnlink <alerts@burnlink.example>', publicUrl: 'https://burnlink.example' };

let mailbox: Mailbox;
beforeAll(async () => {
  mailbox = await startMailbox();
  MAIL.smtpUrl = mailbox.url;
});
afterAll(() => mailbox?.close());

/** Sends one alert through the app and returns it raw and parsed. */
async function receive(
  email: string,
  language: string,
  event: AlertEvent,
  overrides: Partial<typeof MAIL> = {},
): Promise<{ raw: string; mail: ParsedMail }> {
  const app = await buildTestApp({ ...MAIL, ...overrides });
  await app.ready();
  const before = mailbox.messages.length;
  app.alerts.notify({ email, language }, event);
  const [raw] = (await mailbox.waitForMessages(before + 1)).slice(before);
  return { raw: raw!.toString('latin1'), mail: await simpleParser(raw!) };
}

/** Every http(s) URL in the decoded bodies. */
const urls = (mail: ParsedMail) =>
  Array.from(`${mail.text ?? ''}\n${mail.html || ''}`.matchAll(/https?:\/\/[^\s"'<>]+/g), ([url]) => url);

describe('an email alert', () => {
  const cases = [
    {
      language: 'en',
      event: { kind: 'secret_viewed', at: AT, viewsLeft: 2 },
      subject: 'Your secret was viewed',
      says: [
        'Your secret was viewed on 5 March 2026 at 14:03 UTC. It can be viewed 2 more times.',
        'open the private status link you kept',
      ],
    },
    {
      language: 'de-AT',
      event: { kind: 'secret_viewed', at: AT, viewsLeft: 0 },
      subject: 'Ihr Geheimnis wurde angesehen',
      says: [
        'Ihr Geheimnis wurde am 5. März 2026 um 14:03 UTC angesehen. Es ist jetzt vernichtet und kann nicht mehr angesehen werden.',
        'der private Statuslink, den Sie beim Erstellen des Geheimnisses aufbewahrt haben',
      ],
    },
    {
      language: 'fr',
      event: { kind: 'request_answered', at: AT, readBy: READ_BY },
      subject: 'Your request was answered',
      says: [
        'Your request was answered on 5 March 2026 at 14:03 UTC.',
        'Open the private inbox link you kept when you made the request, and read the answer before 6 March 2026 at 09:30 UTC',
      ],
    },
    {
      language: 'de',
      event: { kind: 'request_answered', at: AT, readBy: READ_BY },
      subject: 'Ihre Anfrage wurde beantwortet',
      says: [
        'Ihre Anfrage wurde am 5. März 2026 um 14:03 UTC beantwortet.',
        'Öffnen Sie den privaten Posteingangslink, den Sie beim Stellen der Anfrage aufbewahrt haben, und lesen Sie die Antwort vor dem 6. März 2026 um 09:30 UTC',
      ],
    },
  ] as const;

  it.each(cases)('$event.kind in $language says what happened and when', async ({ language, event, ...expected }) => {
    const { raw, mail } = await receive('person@example.test', language, event);
    expect(mail.subject).toBe(expected.subject);
    // The same words in both bodies; the HTML only escapes them.
    for (const phrase of expected.says) {
      expect(mail.text).toContain(phrase);
      expect(mail.html).toContain(phrase);
    }
    expect(mail.text).toContain('https://burnlink.example/');
    expect(mail.headers.get('content-language')).toBe(language.startsWith('de') ? 'de' : 'en');
    expect(raw).toMatch(/^Content-Type: multipart\/alternative;/im);
    expect(mail.attachments).toEqual([]);
  });

  it('has a proper Date and Message-ID, says it is automatic, and tracks nothing', async () => {
    const sent = Date.now();
    const { raw, mail } = await receive('person@example.test', 'en', { kind: 'secret_viewed', at: AT, viewsLeft: 0 });
    expect(Math.abs(mail.date!.getTime() - sent)).toBeLessThan(60_000);
    expect(mail.messageId).toMatch(/^<[0-9a-f-]{36}@burnlink\.example>$/);
    expect(mail.from?.value).toEqual([{ address: 'alerts@burnlink.example', name: 'burnlink' }]);
    expect(mail.headers.get('auto-submitted')).toBe('auto-generated');
    for (const header of ['list-unsubscribe', 'x-mailer', 'disposition-notification-to', 'return-receipt-to']) {
      expect(mail.headers.has(header), header).toBe(false);
    }
    expect(new Set(urls(mail)), 'the home page is the only link').toEqual(new Set(['https://burnlink.example/']));
    expect(mail.html).not.toMatch(/<img|<link|<script|<style|style=|src=|url\(|background=/i);
    expect(raw).not.toMatch(/^Content-ID:/im);
  });

  it('carries no link at all without PUBLIC_URL', async () => {
    const { mail } = await receive(
      'person@example.test',
      'de',
      { kind: 'request_answered', at: AT, readBy: READ_BY },
      { publicUrl: undefined },
    );
    expect(urls(mail)).toEqual([]);
    expect(mail.html).not.toMatch(/<a\b/i);
  });

  it('takes nothing the caller holds but the address and language', async () => {
    // What a route has in hand when it reports an event.
    const held = {
      id: b64(randomBytes(16)),
      linkKey: b64(randomBytes(32)),
      manageToken: b64(randomBytes(24)),
      ciphertext: b64(randomBytes(300)),
    };
    // The types refuse them (an app without SMTP: these two must not reach the mailbox)...
    const { alerts } = await buildTestApp();
    alerts.notify(
      { email: 'p@example.test', language: 'en' },
      // @ts-expect-error an event has no id
      { kind: 'secret_viewed', at: AT, viewsLeft: 1, id: held.id },
    );
    alerts.notify(
      // @ts-expect-error a recipient has no token
      { email: 'p@example.test', language: 'en', token: held.manageToken },
      { kind: 'request_answered', at: AT, readBy: READ_BY },
    );
    // ...and at run time nothing but the known fields is read, whatever is passed (a
    // spread escapes the type check) — the language included.
    const { raw, mail } = await receive('p@example.test', held.linkKey, {
      kind: 'request_answered',
      at: AT,
      readBy: READ_BY,
      ...held,
    });
    const decoded = `${mail.subject}\n${mail.text}\n${mail.html || ''}`;
    for (const [name, value] of Object.entries(held)) {
      expect(raw, name).not.toContain(value.slice(0, 16));
      expect(decoded, name).not.toContain(value.slice(0, 16));
    }
    expect(mail.text).toContain('Your request was answered');
  });
});
