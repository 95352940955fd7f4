/** The page's checks on attachments, before anything is encrypted or uploaded. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_NAME_BYTES, nameFits, safeFileName, sealedSize, storedType, utf8Length } from '../../web/src/files.js';
import { deriveKeys, newLinkKey, seal } from '../../web/src/lib/envelope.js';

describe('sealedSize', () => {
  it('predicts exactly the envelope that seal() produces', async () => {
    const keys = await deriveKeys(newLinkKey());
    const file = fc.record({
      name: fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }),
      type: fc.constantFrom('', 'text/plain', 'application/pdf', 'image/svg+xml'),
      size: fc.nat({ max: 70_000 }),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'binary', maxLength: 3000 }),
        fc.array(file, { maxLength: 4 }),
        async (text, files) => {
          const secret = {
            text,
            files: files.map((f) => ({ name: f.name, type: f.type, bytes: new Uint8Array(f.size) })),
          };
          const envelope = await seal(secret, keys);
          expect(sealedSize(utf8Length(text), files)).toBe(envelope.length);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('counts the padding, so a file under the limit can still be too large', () => {
    expect(sealedSize(0, [])).toBe(1024 + 30);
    expect(sealedSize(0, [{ name: 'a.bin', type: '', size: 63_536 }])).toBeGreaterThan(65_536);
  });
});

describe('utf8Length', () => {
  it('agrees with TextEncoder', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(utf8Length(text)).toBe(new TextEncoder().encode(text).length);
      }),
    );
  });
});

describe('safeFileName', () => {
  it.each([
    ['report.pdf', 'report.pdf'],
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\me\\evil.exe', 'evil.exe'],
    ['dir/', 'file'],
    ['..', 'file'],
    ['  spaced.txt ', 'spaced.txt'],
    ['invoice\u202Efdp.exe', 'invoice_fdp.exe'],
    ['a\u2066b\u2069c', 'a_b_c'],
    ['line\nbreak\u0000.txt', 'line_break_.txt'],
    ['ÅÉ 日本.txt', 'ÅÉ 日本.txt'],
  ])('reduces %j to %j', (name, safe) => {
    expect(safeFileName(name)).toBe(safe);
  });

  it('never returns a path, an empty name or a control character', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (name) => {
        const safe = safeFileName(name);
        expect(safe).not.toMatch(/[\\/\p{Cc}\u202a-\u202e\u2066-\u2069]/u);
        expect(safe.length).toBeGreaterThan(0);
        expect(['.', '..']).not.toContain(safe);
      }),
    );
  });
});

describe('name and type limits', () => {
  it('measures names in UTF-8 bytes', () => {
    expect(nameFits('a'.repeat(MAX_NAME_BYTES))).toBe(true);
    expect(nameFits('a'.repeat(MAX_NAME_BYTES + 1))).toBe(false);
    expect(nameFits('é'.repeat(128))).toBe(false);
  });

  it('drops a type too long for the envelope', () => {
    expect(storedType('text/plain')).toBe('text/plain');
    expect(storedType(`x/${'y'.repeat(300)}`)).toBe('');
  });
});
