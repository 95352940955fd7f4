/** Sealed envelopes beyond the vectors: the size the page checks before sealing is the size sealTo makes. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sealedSize, utf8Length } from '../../web/src/files.js';
import { deriveInboxKeys, newInboxKey } from '../../web/src/lib/request.js';
import { sealedEnvelopeSize, sealTo } from '../../web/src/lib/sealed.js';

describe('sealedEnvelopeSize', () => {
  it('predicts exactly the envelope that sealTo() produces', async () => {
    const { publicKey } = await deriveInboxKeys(newInboxKey());
    const file = fc.record({
      name: fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }),
      type: fc.constantFrom('', 'text/plain', 'application/pdf'),
      size: fc.nat({ max: 40_000 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 3000 }), fc.array(file, { maxLength: 3 }), async (text, files) => {
        const secret = { text, files: files.map((f) => ({ ...f, bytes: new Uint8Array(f.size) })) };
        const envelope = await sealTo(publicKey, secret);
        expect(sealedSize(utf8Length(text), files, sealedEnvelopeSize)).toBe(envelope.length);
      }),
      { numRuns: 40 },
    );
  });
});
