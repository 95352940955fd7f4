/** The page's small plain helpers: passphrases, mailto links, formatting. */
import { describe, expect, it } from 'vitest';
import { formatBytes, formatDuration, formatFromNow } from '../../web/src/lib/display.js';
import { normalizePassphrase } from '../../web/src/lib/envelope.js';
import { mailtoLink } from '../../web/src/mailto.js';
import { generatePassphrase } from '../../web/src/passphrase.js';

describe('generatePassphrase', () => {
  it('makes 20 base32 characters in groups of four, different each time, that need no normalising', () => {
    const seen = new Set<string>();
    const characters = new Set<string>();
    for (let i = 0; i < 500; i++) {
      const passphrase = generatePassphrase();
      expect(passphrase).toMatch(/^[0-9a-hjkmnp-tv-z]{4}(-[0-9a-hjkmnp-tv-z]{4}){4}$/);
      expect(normalizePassphrase(passphrase)).toBe(passphrase);
      seen.add(passphrase);
      for (const c of passphrase.replaceAll('-', '')) characters.add(c);
    }
    expect(seen.size).toBe(500);
    expect(characters.size, 'every character of the alphabet turns up').toBe(32);
  });
});

describe('mailtoLink', () => {
  it('percent-encodes UTF-8 and uses CRLF line breaks (RFC 6068)', () => {
    const link = 'https://burnlink.example/s/V1StGXR8_Z5jdHi6B-myT#1.abc-_';
    const href = mailtoLink('Für dich & mich', `Hallo,\n\n${link}\n`);
    expect(href).toBe(
      `mailto:?subject=F%C3%BCr%20dich%20%26%20mich&body=Hallo%2C%0D%0A%0D%0A${encodeURIComponent(link)}%0D%0A`,
    );
    const body = decodeURIComponent(href.split('&body=')[1]!);
    expect(body.split('\r\n')).toContain(link);
  });
});

describe('formatting', () => {
  it('writes sizes so a size over a limit never reads like the limit', () => {
    expect(formatBytes(5, 'en')).toBe('5\u00a0bytes');
    expect(formatBytes(3000, 'en')).toBe('2.93\u00a0kB');
    expect(formatBytes(65_566, 'en', 'ceil')).toBe('64.1\u00a0kB');
    expect(formatBytes(65_536, 'en', 'floor')).toBe('64\u00a0kB');
    expect(formatBytes(8 * 1024 * 1024, 'de')).toBe('8\u00a0MB');
  });

  it('names durations in the largest whole unit', () => {
    expect(formatDuration(300, 'en')).toBe('5 minutes');
    expect(formatDuration(86_400, 'en')).toBe('1 day');
    expect(formatDuration(129_600, 'en')).toBe('36 hours');
    expect(formatDuration(604_800, 'de')).toBe('7 Tage');
    expect(formatDuration(90, 'en')).toBe('90 seconds');
  });

  it('says how far away a time is', () => {
    const now = Date.UTC(2030, 0, 1);
    expect(formatFromNow(now + 3_600_000, 'en', now)).toBe('in 1 hour');
    expect(formatFromNow(now + 3 * 86_400_000, 'en', now)).toBe('in 3 days');
    expect(formatFromNow(now + 5 * 60_000, 'de', now)).toBe('in 5 Minuten');
  });
});
