/** The envelope module's rules beyond the vectors: padding sizes, normalisation, freshness. */
import { describe, expect, it } from 'vitest';
import { isPaddedSize, padme, paddedSize } from '../../web/src/lib/envelope-payload.js';
import {
  deriveKeys,
  EnvelopeError,
  newLinkKey,
  normalizePassphrase,
  open,
  PassphraseError,
  readHeader,
  seal,
} from '../../web/src/lib/envelope.js';

describe('padding', () => {
  it('pads short secrets to 1 KiB and large ones by at most 12 %', () => {
    expect(paddedSize(5)).toBe(1024);
    expect(paddedSize(1024)).toBe(1024);
    expect(paddedSize(1025)).toBeGreaterThan(1024);
    for (const n of [1500, 5010, 65_537, 1_000_001, 10_000_000]) {
      const p = paddedSize(n);
      expect(p).toBeGreaterThanOrEqual(n);
      expect(p / n).toBeLessThan(1.12);
      expect(isPaddedSize(p)).toBe(true);
      expect(padme(p)).toBe(p);
    }
    expect(isPaddedSize(1023)).toBe(false);
    expect(isPaddedSize(5011)).toBe(false);
  });

  it('pads to at least 951 bytes in format 2, then as format 1 does', () => {
    expect(paddedSize(5, 951)).toBe(951);
    expect(paddedSize(952, 951)).toBe(960);
    expect(paddedSize(1025, 951)).toBe(paddedSize(1025));
    expect(isPaddedSize(951, 951)).toBe(true);
    expect(isPaddedSize(950, 951)).toBe(false);
    expect(isPaddedSize(951)).toBe(false);
  });

  it('hides the length of short secrets: one- and 900-character passwords give the same size', async () => {
    const keys = await deriveKeys(newLinkKey());
    const a = await seal({ text: 'x', files: [] }, keys);
    const b = await seal({ text: 'y'.repeat(900), files: [] }, keys);
    expect(a.length).toBe(b.length);
    expect(a.length).toBe(2 + 12 + 951 + 16);
    const v1 = await seal({ text: 'x', files: [] }, keys, { version: 1 });
    expect(v1.length).toBe(2 + 12 + 1024 + 16);
  });
});

describe('passphrase normalisation (RFC 8265 OpaqueString)', () => {
  it('maps non-ASCII spaces to U+0020 and composes to NFC, without trimming', () => {
    expect(normalizePassphrase('a\u00a0b\u3000c')).toBe('a b c');
    expect(normalizePassphrase('e\u0301')).toBe('\u00e9');
    expect(normalizePassphrase(' padded ')).toBe(' padded ');
  });

  it.each([
    ['empty', ''],
    ['a tab', 'a\tb'],
    ['a newline', 'line\n'],
    ['a NUL', 'a\u0000'],
    ['a lone surrogate', 'a\ud800'],
  ])('refuses %s', (_name, passphrase) => {
    expect(() => normalizePassphrase(passphrase)).toThrow(PassphraseError);
  });

  it.each([
    ['a zero-width space', 'pass\u200bword', 'U+200B'],
    ['a soft hyphen', 'pass\u00adword', 'U+00AD'],
    ['a line separator', 'pass\u2028word', 'U+2028'],
    ['a paragraph separator', 'pass\u2029word', 'U+2029'],
    ['a right-to-left override', '\u202edrowssap', 'U+202E'],
    ['a byte order mark', '\ufeffpassword', 'U+FEFF'],
    ['a tag character', 'flag\u{e0067}', 'U+E0067'],
  ])('refuses %s, naming it', (_name, passphrase, codePoint) => {
    const refusal = (() => {
      try {
        return normalizePassphrase(passphrase);
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toBeInstanceOf(PassphraseError);
    expect(refusal).toMatchObject({ problem: 'invisible', codePoint });
    expect((refusal as PassphraseError).message).toBe(
      `The passphrase contains an invisible or formatting character (${codePoint}).`,
    );
  });

  it('keeps the joiners that Persian, Indic scripts and emoji sequences need', () => {
    expect(normalizePassphrase('\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645')).toContain('\u200c');
    expect(normalizePassphrase('\u0915\u094d\u200d\u0937')).toContain('\u200d');
    expect(normalizePassphrase('👩\u200d💻')).toBe('👩\u200d💻');
  });

  it('refuses exactly the Cf, Zl and Zp characters this runtime knows, but the joiners', () => {
    // The list in envelope.ts is pinned to Unicode 17.0. If a newer runtime knows more
    // format characters, this fails: refusing them too changes which passphrases v1 accepts.
    const disagreeing: string[] = [];
    for (let c = 0; c <= 0x10ffff; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const character = String.fromCodePoint(c);
      const expected = /[\p{Cf}\p{Zl}\p{Zp}]/u.test(character) && c !== 0x200c && c !== 0x200d;
      let refused = false;
      try {
        normalizePassphrase(`a${character}b`);
      } catch (error) {
        refused = error instanceof PassphraseError && error.problem === 'invisible';
      }
      if (refused !== expected) disagreeing.push(c.toString(16));
    }
    expect(disagreeing).toEqual([]);
  });

  it('makes deriveKeys refuse a bad passphrase before any work', async () => {
    await expect(deriveKeys(newLinkKey(), '')).rejects.toBeInstanceOf(PassphraseError);
  });
});

describe('seal and open', () => {
  it('round-trips text and files, with a fresh IV for every seal', async () => {
    const keys = await deriveKeys(newLinkKey(), 'hunter2');
    const secret = { text: 'ключ 🔑', files: [{ name: 'a.bin', type: '', bytes: new Uint8Array([0, 255]) }] };
    const one = await seal(secret, keys);
    const two = await seal(secret, keys);
    expect(one.subarray(2, 14)).not.toEqual(two.subarray(2, 14));
    expect(readHeader(one)).toEqual({ version: 2, passphrase: true });
    expect(await open(one, keys)).toEqual(secret);
    // Format 1, as clients made it before format 2, still opens.
    const old = await seal(secret, keys, { version: 1 });
    expect(readHeader(old)).toEqual({ version: 1, passphrase: true });
    expect(await open(old, keys)).toEqual(secret);
  });

  it('gives independent proofs and keys for different link keys and passphrases', async () => {
    const key = newLinkKey();
    const plain = await deriveKeys(key);
    const withPass = await deriveKeys(key, 'p');
    const other = await deriveKeys(newLinkKey());
    expect(withPass.access).toEqual(plain.access);
    expect(withPass.unlock).not.toEqual(plain.access);
    expect(other.access).not.toEqual(plain.access);
    expect(plain.unlock).toBeUndefined();
  });

  it('refuses file names that are empty or too long, and too many files', async () => {
    const keys = await deriveKeys(newLinkKey());
    const file = (name: string) => ({ name, type: 'text/plain', bytes: new Uint8Array(1) });
    await expect(seal({ text: '', files: [file('')] }, keys)).rejects.toBeInstanceOf(EnvelopeError);
    await expect(seal({ text: '', files: [file('n'.repeat(256))] }, keys)).rejects.toBeInstanceOf(EnvelopeError);
    await expect(seal({ text: '', files: Array.from({ length: 101 }, () => file('f')) }, keys)).rejects.toThrow(
      /at most 100/,
    );
  });

  it('refuses a link key of the wrong size', async () => {
    await expect(deriveKeys(new Uint8Array(31))).rejects.toBeInstanceOf(EnvelopeError);
  });
});
