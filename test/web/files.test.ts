/** The page's checks on attachments, before anything is encrypted or uploaded. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_NAME_BYTES, nameFits, sealedSize, storedType, utf8Length } from '../../web/src/files.js';
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
    // Format 2's smallest padded plaintext (951 bytes) and its 30 bytes of header and tag.
    expect(sealedSize(0, [])).toBe(951 + 30);
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
