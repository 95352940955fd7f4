/**
 * The test vectors, both ways: the files on disk are exactly what the generator
 * makes, every success vector seals to its bytes and opens to its secret, and every
 * failure vector fails with its own error code, so one kind of failure cannot hide
 * another. test/e2e/envelope.browser.test.ts runs the same checks in Chromium.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBase64Url, encodeBase64Url } from '../../web/src/lib/base64url.js';
import { deriveKeys, EnvelopeError, open, PassphraseError, proofHash, seal } from '../../web/src/lib/envelope.js';
import { buildVectors, VECTOR_DIR, vectorFile, vectorFileName, type Vector } from '../vectors/generate.js';

const files = readdirSync(VECTOR_DIR).sort();
const vectors = files.map((file) => JSON.parse(readFileSync(join(VECTOR_DIR, file), 'utf8')) as Vector);

/** Which error codes each kind of expected failure allows. */
const ERRORS_BY_EXPECT: Record<Vector['expect'], (string | null)[]> = {
  success: [null],
  malformed: ['malformed', 'unsupported'],
  'wrong key': ['decrypt_failed'],
  'wrong passphrase': ['decrypt_failed', 'passphrase_mismatch'],
  tampered: ['decrypt_failed'],
  'invalid passphrase': ['invalid_passphrase'],
};

/** The keys a vector is opened with; a passphrase the format refuses gives its refusal instead. */
async function vectorKeys(v: Vector) {
  return deriveKeys(decodeBase64Url(v.linkKey, 32), v.passphrase ?? undefined).catch((error: unknown) => {
    if (v.expect === 'invalid passphrase' && error instanceof PassphraseError) return 'invalid_passphrase' as const;
    throw error;
  });
}

describe('envelope test vectors', () => {
  it('are exactly what the generator produces', async () => {
    const fresh = await buildVectors();
    expect(files).toEqual(fresh.map(vectorFileName));
    fresh.forEach((vector, i) => expect(readFileSync(join(VECTOR_DIR, files[i]!), 'utf8')).toBe(vectorFile(vector)));
  });

  it('cover every kind of outcome', () => {
    expect(new Set(vectors.map((v) => v.expect))).toEqual(new Set(Object.keys(ERRORS_BY_EXPECT)));
    for (const v of vectors) expect(ERRORS_BY_EXPECT[v.expect]).toContain(v.error);
  });

  it.each(vectors.map((v) => [v.name, v] as const))('%s: proofs match', async (_name, v) => {
    // The access proof needs no passphrase, so a refused one still has it.
    const passphrase = v.expect === 'invalid passphrase' ? undefined : (v.passphrase ?? undefined);
    const keys = await deriveKeys(decodeBase64Url(v.linkKey, 32), passphrase);
    expect(encodeBase64Url(keys.access)).toBe(v.access);
    expect(encodeBase64Url(await proofHash(keys.access))).toBe(v.accessHash);
    expect(keys.unlock ? encodeBase64Url(keys.unlock) : null).toBe(v.unlock);
    expect(v.fragment).toBe(`1.${v.linkKey}`);
  });

  it.each(vectors.map((v) => [v.name, v] as const))('%s: opens as expected', async (_name, v) => {
    const keys = await vectorKeys(v);
    if (keys === 'invalid_passphrase') {
      expect(v.error).toBe(keys);
      return;
    }
    const opening = open(decodeBase64Url(v.envelope), keys);
    if (v.expect === 'success') {
      const secret = await opening;
      expect({
        text: secret.text,
        files: secret.files.map((f) => ({ name: f.name, type: f.type, bytes: encodeBase64Url(f.bytes) })),
      }).toEqual(v.secret);
    } else {
      const error = await opening.then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(EnvelopeError);
      expect((error as EnvelopeError).code).toBe(v.error);
    }
  });

  it.each(vectors.filter((v) => v.expect === 'success').map((v) => [v.name, v] as const))(
    '%s: seals to the same bytes',
    async (_name, v) => {
      const keys = await deriveKeys(decodeBase64Url(v.linkKey, 32), v.passphrase ?? undefined);
      const secret = {
        text: v.secret!.text,
        files: v.secret!.files.map((f) => ({ name: f.name, type: f.type, bytes: decodeBase64Url(f.bytes) })),
      };
      expect(encodeBase64Url(await seal(secret, keys, { iv: decodeBase64Url(v.iv!, 12) }))).toBe(v.envelope);
    },
  );
});
