/**
 * The message that carries a secret link: its subject from the sender's name and
 * subject, one paragraph then the link alone on the last line, one-line fields made
 * safe, and no way for a passphrase to get in.
 */
import { describe, expect, it } from 'vitest';
import {
  composeMessage,
  MAX_NAME_CHARS,
  MAX_SUBJECT_CHARS,
  oneLine,
  type MessageInput,
} from '../../web/src/message.js';
import { messages } from '../helpers/catalogs.js';

const en = (await messages('en')).mail;
const de = (await messages('de')).mail;
const LINK = 'https://burnlink.example/s/AAAAAAAAAAAAAAAAAAAAAA#2.BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB';

const input = (overrides: Partial<MessageInput> = {}): MessageInput => ({
  name: '',
  subject: '',
  link: LINK,
  service: 'burnlink',
  views: 1,
  expires: 'Mar 4, 2026, 10:00 AM GMT+1',
  passphrase: false,
  ...overrides,
});

describe('the message that carries a secret link', () => {
  it('is one paragraph, a blank line and the link alone on the last line', () => {
    const { body } = composeMessage(en, input());
    const lines = body.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines.slice(1)).toEqual(['', LINK]);
    expect(lines[0]).toBe(
      'Hello, I am sending you a secret through burnlink, with a one-time link that expires on Mar 4, 2026, 10:00 AM GMT+1.' +
        ' Opening the link burns nothing: the secret appears only when you press Reveal, and is then deleted from the server.' +
        ' There is nothing to log into and nothing to pay.',
    );
  });

  it('names the sender, the views and that a passphrase is needed, in either language', () => {
    const withAll = input({ name: 'Rosa Café', views: 3, passphrase: true, service: 'Rosa Vault' });
    const english = composeMessage(en, withAll).body.split('\n')[0]!;
    expect(english).toMatch(
      /^Hello, this is Rosa Café\. I am sending you a secret through Rosa Vault, with a link that works 3 times and expires on /,
    );
    expect(english).toMatch(/ You will also need a passphrase, which I will give you another way\.$/);
    const german = composeMessage(de, withAll).body.split('\n')[0]!;
    expect(german).toMatch(
      /^Hallo, hier ist Rosa Café\. Ich schicke Ihnen über Rosa Vault ein Geheimnis, mit einem Link, der 3-mal funktioniert und am .+ abläuft\./,
    );
    expect(german).toContain('Sie müssen sich nirgends anmelden und nichts bezahlen.');
    expect(german).toMatch(/ Sie brauchen außerdem eine Passphrase, die ich Ihnen auf anderem Weg mitteile\.$/);
  });

  it.each([
    ['', '', 'A secret for you', 'Ein Geheimnis für Sie'],
    ['Rosa Café', '', 'A secret from Rosa Café', 'Ein Geheimnis von Rosa Café'],
    ['', 'Wi-Fi and contract', 'Wi-Fi and contract', 'Wi-Fi and contract'],
    ['Rosa Café', 'Wi-Fi and contract', 'Wi-Fi and contract from Rosa Café', 'Wi-Fi and contract von Rosa Café'],
  ])('with name %j and subject %j, the subject is %j', (name, subject, english, german) => {
    expect(composeMessage(en, input({ name, subject })).subject).toBe(english);
    expect(composeMessage(de, input({ name, subject })).subject).toBe(german);
  });

  it('takes a pasted line break, control characters or too much as one short line', () => {
    const { subject, body } = composeMessage(
      en,
      input({ name: ' Rosa\r\nBcc: x@example.com ', subject: 'Wi-Fi\u0000 and\u2028contract\t' }),
    );
    expect(subject).toBe('Wi-Fi and contract from Rosa Bcc: x@example.com');
    expect(body.split('\n')).toHaveLength(3);
    expect([...oneLine('x'.repeat(200), MAX_NAME_CHARS)]).toHaveLength(MAX_NAME_CHARS);
    expect([...oneLine('🔑'.repeat(200), MAX_SUBJECT_CHARS)]).toHaveLength(MAX_SUBJECT_CHARS);
    expect(oneLine('   ', MAX_NAME_CHARS)).toBe('');
  });
});
