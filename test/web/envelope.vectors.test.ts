/**
 * The test vectors of every format, both ways: the files on disk are exactly what the
 * generator makes, every success vector seals to its bytes and opens to its secret, and
 * every failure vector fails with its own error code, so one kind of failure cannot hide
 * another. test/e2e/envelope.browser.test.ts runs the same checks in Chromium.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBase64Url, encodeBase64Url } from '../../web/src/lib/base64url.js';
import { deriveKeys, EnvelopeError, open, PassphraseError, proofHash, seal } from '../../web/src/lib/envelope.js';
import {
  buildVectors,
  readVectors,
  VECTOR_VERSIONS,
  vectorDir,
  vectorFile,
  vectorFileName,
  vectorVersion,
  type Vector,
} from '../vectors/generate.js';

const vectors = readVectors();
/** A vector's name with its format, as the tests list it: `v2 plain-short`. */
const named = (list: Vector[]) => list.map((v) => [`v${vectorVersion(v)} ${v.name}`, v] as const);

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
  it.each(VECTOR_VERSIONS)('of format %i are exactly what the generator produces', async (version) => {
    const dir = vectorDir(version);
    const files = readdirSync(dir).sort();
    const fresh = await buildVectors(version);
    expect(files).toEqual(fresh.map(vectorFileName));
    fresh.forEach((vector, i) => expect(readFileSync(join(dir, files[i]!), 'utf8')).toBe(vectorFile(vector)));
  });

  it.each(VECTOR_VERSIONS)('of format %i cover every kind of outcome', (version) => {
    const ofVersion = vectors.filter((v) => vectorVersion(v) === version);
    expect(new Set(ofVersion.map((v) => v.expect))).toEqual(new Set(Object.keys(ERRORS_BY_EXPECT)));
    for (const v of ofVersion) expect(ERRORS_BY_EXPECT[v.expect]).toContain(v.error);
  });

  it.each(named(vectors))('%s: proofs match', async (_name, v) => {
    // The access proof needs no passphrase, so a refused one still has it.
    const passphrase = v.expect === 'invalid passphrase' ? undefined : (v.passphrase ?? undefined);
    const keys = await deriveKeys(decodeBase64Url(v.linkKey, 32), passphrase);
    expect(encodeBase64Url(keys.access)).toBe(v.access);
    expect(encodeBase64Url(await proofHash(keys.access))).toBe(v.accessHash);
    expect(keys.unlock ? encodeBase64Url(keys.unlock) : null).toBe(v.unlock);
    expect(v.fragment).toBe(`${vectorVersion(v)}.${v.linkKey}`);
  });

  it.each(named(vectors))('%s: opens as expected', async (_name, v) => {
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

  it.each(named(vectors.filter((v) => v.expect === 'success')))('%s: seals to the same bytes', async (_name, v) => {
    const keys = await deriveKeys(decodeBase64Url(v.linkKey, 32), v.passphrase ?? undefined);
    const secret = {
      text: v.secret!.text,
      files: v.secret!.files.map((f) => ({ name: f.name, type: f.type, bytes: decodeBase64Url(f.bytes) })),
    };
    const sealed = await seal(secret, keys, { iv: decodeBase64Url(v.iv!, 12), version: vectorVersion(v) });
    expect(encodeBase64Url(sealed)).toBe(v.envelope);
  });
});
