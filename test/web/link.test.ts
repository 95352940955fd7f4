/** Link formats and strict base64url. */
import { describe, expect, it } from 'vitest';
import { Base64UrlError, decodeBase64Url, encodeBase64Url } from '../../web/src/lib/base64url.js';
import { LINK_KEY_BYTES, newLinkKey } from '../../web/src/lib/envelope.js';
import {
  inboxLink,
  LinkError,
  parseLink,
  parseKeyedLocation,
  MAX_LABEL_CHARS,
  parseReceiptLocation,
  parseSecretLink,
  parseSecretLocation,
  receiptLink,
  requestLink,
  secretLink,
} from '../../web/src/lib/link.js';
import { deriveInboxKeys, INBOX_KEY_BYTES, newInboxKey, REQUEST_KEY_BYTES } from '../../web/src/lib/request.js';

const ID = 'V1StGXR8_Z5jdHi6B-myT';

describe('base64url', () => {
  it('round-trips every length and matches Node', () => {
    for (let n = 0; n < 70; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) & 255);
      const text = encodeBase64Url(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64url'));
      expect(decodeBase64Url(text)).toEqual(bytes);
    }
  });

  it.each([
    ['padding', 'AA=='],
    ['standard alphabet', 'ab+/'],
    ['an impossible length', 'AAAAA'],
    ['non-zero trailing bits', 'AB'],
    ['non-zero trailing bits (3)', 'AAB'],
    ['non-ASCII', 'AAé'],
    ['whitespace', 'AA AA'],
  ])('refuses %s', (_name, text) => {
    expect(() => decodeBase64Url(text)).toThrow(Base64UrlError);
  });

  it('checks the expected length before decoding', () => {
    expect(() => decodeBase64Url('AAAA', 32)).toThrow(/expected 32 bytes/);
  });
});

describe('links', () => {
  it('puts the versioned key only in the fragment and reads it back', () => {
    const key = newLinkKey();
    const link = secretLink('https://burn.example', ID, key);
    expect(link).toBe(`https://burn.example/s/${ID}#2.${encodeBase64Url(key)}`);
    expect(parseSecretLink(link)).toEqual({ origin: 'https://burn.example', id: ID, linkKey: key });
    // A link made before format 2 still opens.
    const old = `https://burn.example/s/${ID}#1.${encodeBase64Url(key)}`;
    expect(parseSecretLink(old)).toEqual({ origin: 'https://burn.example', id: ID, linkKey: key });
    const url = new URL(link);
    expect(url.pathname + url.search).not.toContain(encodeBase64Url(key));
  });

  it.each([
    ['no fragment', `/s/${ID}`, '', 'missing_key'],
    ['an empty fragment', `/s/${ID}`, '#', 'missing_key'],
    ['no version', `/s/${ID}`, `#${'A'.repeat(43)}`, 'bad_key'],
    ['another version', `/s/${ID}`, `#3.${'A'.repeat(43)}`, 'unsupported_version'],
    ['a leading zero in the version', `/s/${ID}`, `#01.${'A'.repeat(43)}`, 'bad_key'],
    ['two leading zeros in the version', `/s/${ID}`, `#001.${'A'.repeat(43)}`, 'bad_key'],
    ['version zero', `/s/${ID}`, `#0.${'A'.repeat(43)}`, 'bad_key'],
    ['a short key', `/s/${ID}`, `#1.${'A'.repeat(42)}`, 'bad_key'],
    ['a non-canonical key', `/s/${ID}`, `#1.${'A'.repeat(42)}B`, 'bad_key'],
    ['a short id', '/s/abc', `#1.${'A'.repeat(43)}`, 'bad_id'],
    ['a nested path', `/s/${ID}/x`, `#1.${'A'.repeat(43)}`, 'bad_id'],
    ['the receipt prefix', `/r/${ID}`, `#1.${'A'.repeat(43)}`, 'bad_id'],
  ])('refuses a secret link with %s', (_name, pathname, hash, code) => {
    expect(() => parseSecretLocation(pathname, hash)).toThrow(LinkError);
    try {
      parseSecretLocation(pathname, hash);
    } catch (error) {
      expect((error as LinkError).code).toBe(code);
    }
  });

  it('accepts a trailing slash', () => {
    expect(parseSecretLocation(`/s/${ID}/`, `#1.${'A'.repeat(43)}`).id).toBe(ID);
  });

  it('formats and parses receipt links', () => {
    const token = encodeBase64Url(newLinkKey());
    const url = new URL(receiptLink('https://burn.example', ID, token));
    expect(parseReceiptLocation(url.pathname, url.hash)).toEqual({ id: ID, manageToken: token, label: '' });
    expect(() => parseReceiptLocation(url.pathname, '')).toThrow(LinkError);
    expect(() => parseReceiptLocation(url.pathname, '#short')).toThrow(LinkError);
    // Non-canonical base64url (nonzero trailing bits) is damage, as the server sees it.
    expect(() => parseReceiptLocation(url.pathname, `#${'A'.repeat(42)}B`)).toThrow(LinkError);
  });

  it('carries the private label in the receipt fragment, never beyond it', () => {
    const token = encodeBase64Url(newLinkKey());
    const label = 'DB-Passwort für Anna 🔑';
    const url = new URL(receiptLink('https://burn.example', ID, token, `  ${label} `));
    expect(url.hash).toMatch(/^#[A-Za-z0-9_-]{43}\.[A-Za-z0-9_-]+$/);
    expect(parseReceiptLocation(url.pathname, url.hash)).toEqual({ id: ID, manageToken: token, label });
    expect(receiptLink('https://burn.example', ID, token, '   ')).toBe(`https://burn.example/r/${ID}#${token}`);
    expect(() => receiptLink('https://burn.example', ID, token, 'x'.repeat(MAX_LABEL_CHARS + 1))).toThrow(RangeError);
    // A damaged label loses only the note: the token still opens the receipt.
    for (const bad of ['.', '.A', '.____', `.${encodeBase64Url(new Uint8Array([0xff, 0xfe]))}`]) {
      expect(parseReceiptLocation(url.pathname, `#${token}${bad}`)).toEqual({ id: ID, manageToken: token, label: '' });
    }
    expect(() => parseReceiptLocation(url.pathname, `#${token.slice(1)}.${'A'.repeat(4)}`)).toThrow(LinkError);
  });

  it('formats and parses request and inbox links, each within 80 characters of path and fragment', async () => {
    const inbox = await deriveInboxKeys(newInboxKey());
    const request = requestLink('https://burn.example', ID, inbox.requestKey);
    const own = inboxLink('https://burn.example', ID, inbox.inboxKey);
    expect(request).toBe(`https://burn.example/q/${ID}#1.${encodeBase64Url(inbox.requestKey)}`);
    expect(own).toBe(`https://burn.example/i/${ID}#1.${encodeBase64Url(inbox.inboxKey)}`);
    expect(parseLink(request)).toEqual({ origin: 'https://burn.example', kind: 'q', id: ID, key: inbox.requestKey });
    expect(parseLink(own)).toEqual({ origin: 'https://burn.example', kind: 'i', id: ID, key: inbox.inboxKey });
    for (const link of [request, own, secretLink('https://burn.example', ID, newLinkKey())]) {
      const url = new URL(link);
      expect((url.pathname + url.hash).length).toBeLessThanOrEqual(80);
    }
  });

  it('reads 32-byte keys from every kind of link, the size of each kind’s key', () => {
    expect([LINK_KEY_BYTES, REQUEST_KEY_BYTES, INBOX_KEY_BYTES]).toEqual([32, 32, 32]);
  });

  it('keeps request and inbox links at format 1', () => {
    for (const kind of ['q', 'i'] as const) {
      expect(() => parseKeyedLocation(kind, `/${kind}/${ID}`, `#2.${'A'.repeat(43)}`)).toThrow(/format 2/);
    }
  });

  it('keeps the kinds apart', async () => {
    const key = `#1.${'A'.repeat(43)}`;
    expect(() => parseKeyedLocation('q', `/i/${ID}`, key)).toThrow(LinkError);
    expect(() => parseKeyedLocation('i', `/q/${ID}`, key)).toThrow(LinkError);
    expect(() => parseSecretLink(`https://burn.example/q/${ID}${key}`)).toThrow(/not a secret link/);
    expect(() => parseLink(`https://burn.example/r/${ID}#${'A'.repeat(43)}`)).toThrow(LinkError);
  });
});
