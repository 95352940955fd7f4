/**
 * Generates the envelope test vectors of each format in test/vectors/v1/ and v2/ (`npm
 * run vectors`). Inputs are fixed, so the output is deterministic;
 * test/web/envelope.vectors.test.ts checks that the files on disk are exactly what this
 * produces, and checks every vector against the envelope module both ways (seal → bytes,
 * bytes → open). The two formats differ in their first byte and their smallest padded
 * plaintext (docs/FORMAT.md §3–4), so each has the same cases.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeBase64Url, encodeBase64Url as b64 } from '../../web/src/lib/base64url.js';
import { encodePlaintext } from '../../web/src/lib/envelope-payload.js';
import { deriveKeys, proofHash, seal, type Secret, type SecretKeys } from '../../web/src/lib/envelope.js';

/** What opening a vector's envelope must give: `success`, or the kind of failure and its error code. */
export type Expect = 'success' | 'malformed' | 'wrong key' | 'wrong passphrase' | 'tampered' | 'invalid passphrase';

export interface Vector {
  name: string;
  description: string;
  expect: Expect;
  /** EnvelopeError code for a failure (`invalid_passphrase`: a PassphraseError), null on success. */
  error: string | null;
  /** The key material the envelope is opened with. */
  linkKey: string;
  passphrase: string | null;
  fragment: string;
  access: string;
  accessHash: string;
  unlock: string | null;
  unlockHash: string | null;
  /** For success vectors: the IV sealed with, so the envelope can be rebuilt byte for byte. */
  iv: string | null;
  secret: { text: string; files: { name: string; type: string; bytes: string }[] } | null;
  envelope: string;
}

const fixed = (length: number, start: number) => Uint8Array.from({ length }, (_, i) => (start + i * 7) & 255);
const KEY_A = fixed(32, 1);
const KEY_B = fixed(32, 101);
const IV_A = fixed(12, 201);

const SHORT: Secret = { text: 'correct horse battery staple', files: [] };
const RICH: Secret = {
  text: 'Zugang für Jörg 🔑\r\nline two\n\tindented\u00a0with a no-break space',
  files: [
    { name: 'id_ed25519', type: 'application/octet-stream', bytes: fixed(300, 9) },
    { name: 'empty.txt', type: 'text/plain', bytes: new Uint8Array(0) },
    { name: 'résumé 2026.pdf', type: 'application/pdf', bytes: fixed(5, 77) },
  ],
};
const LONG: Secret = { text: 'x'.repeat(5000), files: [] };
const EMPTY: Secret = { text: '', files: [] };
// NFD "ä" and a no-break space: normalised to the same bytes as "pässwörd 1".
const PASSPHRASE = 'pa\u0308sswo\u0308rd\u00a01';
const PASSPHRASE_NFC = 'pässwörd 1';

/** The envelope formats with vectors, and what differs between them. */
export const VECTOR_VERSIONS = [1, 2] as const;
export type VectorVersion = (typeof VECTOR_VERSIONS)[number];
const FORMAT: Record<VectorVersion, { typeByte: number; minPadded: number }> = {
  1: { typeByte: 1, minPadded: 1024 },
  2: { typeByte: 4, minPadded: 951 },
};

function secretJson(secret: Secret): Vector['secret'] {
  return { text: secret.text, files: secret.files.map((f) => ({ name: f.name, type: f.type, bytes: b64(f.bytes) })) };
}

async function keyFields(version: VectorVersion, keys: SecretKeys, passphrase: string | null) {
  return {
    linkKey: b64(keys.linkKey),
    passphrase,
    fragment: `${version}.${b64(keys.linkKey)}`,
    access: b64(keys.access),
    accessHash: b64(await proofHash(keys.access)),
    unlock: keys.unlock ? b64(keys.unlock) : null,
    unlockHash: keys.unlock ? b64(await proofHash(keys.unlock)) : null,
  };
}

async function success(
  version: VectorVersion,
  name: string,
  description: string,
  secret: Secret,
  passphrase: string | null,
): Promise<Vector> {
  const keys = await deriveKeys(KEY_A, passphrase ?? undefined);
  const envelope = await seal(secret, keys, { iv: IV_A, version });
  return {
    name,
    description,
    expect: 'success',
    error: null,
    ...(await keyFields(version, keys, passphrase)),
    iv: b64(IV_A),
    secret: secretJson(secret),
    envelope: b64(envelope),
  };
}

async function failure(
  version: VectorVersion,
  name: string,
  description: string,
  expect: Exclude<Expect, 'success'>,
  error: string,
  envelope: Uint8Array,
  openWith: { linkKey: Uint8Array; passphrase: string | null },
): Promise<Vector> {
  const keys = await deriveKeys(openWith.linkKey, openWith.passphrase ?? undefined);
  return {
    name,
    description,
    expect,
    error,
    ...(await keyFields(version, keys, openWith.passphrase)),
    iv: null,
    secret: null,
    envelope: b64(envelope),
  };
}

/** Encrypts an arbitrary (possibly malformed) padded plaintext under correct keys and header. */
async function sealRaw(version: VectorVersion, plaintext: Uint8Array, keys: SecretKeys): Promise<Uint8Array> {
  const header = new Uint8Array([FORMAT[version].typeByte, keys.passphrase ? 1 : 0, ...IV_A]);
  const sealed = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv: IV_A, additionalData: header, tagLength: 128 },
    keys.aesKey,
    plaintext as BufferSource,
  );
  return new Uint8Array([...header, ...new Uint8Array(sealed)]);
}

const edit = (bytes: Uint8Array, change: (copy: Uint8Array) => void) => {
  const copy = bytes.slice();
  change(copy);
  return copy;
};

/**
 * The passphrase rules of docs/FORMAT.md §2.1: passphrases refused before any key is
 * derived (so only the access proof exists), and joiners that are kept.
 */
async function passphraseRuleVectors(version: VectorVersion, passBytes: Uint8Array): Promise<Vector[]> {
  const refused = async (name: string, description: string, passphrase: string): Promise<Vector> => ({
    ...(await failure(version, name, description, 'invalid passphrase', 'invalid_passphrase', passBytes, {
      linkKey: KEY_A,
      passphrase: null,
    })),
    passphrase,
  });
  return [
    await refused('passphrase-zero-width-space', 'A zero-width space (U+200B, Cf) in the passphrase.', 'correct\u200bhorse'),
    await refused('passphrase-soft-hyphen', 'A soft hyphen (U+00AD, Cf) in the passphrase.', 'pass\u00adphrase'),
    await refused('passphrase-line-separator', 'A line separator (U+2028, Zl) in the passphrase.', 'line\u2028break'),
    await refused('passphrase-paragraph-separator', 'A paragraph separator (U+2029, Zp).', 'para\u2029graph'),
    await refused('passphrase-control', 'A tab (U+0009, Cc) in the passphrase.', 'tab\there'),
    await refused('passphrase-empty', 'An empty passphrase.', ''),
    await success(
      version,
      'passphrase-joiners',
      'A passphrase with ZWNJ (Persian) and ZWJ (an emoji sequence): both are kept.',
      SHORT,
      '\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645 \u{1f469}\u200d\u{1f4bb}',
    ),
  ];
}

/** Builds every vector of one format, in order. */
export async function buildVectors(version: VectorVersion): Promise<Vector[]> {
  const { minPadded } = FORMAT[version];
  const plain = await success(version, 'plain-short', `A short text, no passphrase: padded to ${minPadded} bytes.`, SHORT, null);
  const rich = await success(
    version,
    'plain-text-and-files',
    'Multi-line non-ASCII text and three files (binary, empty, non-ASCII name), no passphrase.',
    RICH,
    null,
  );
  const long = await success(version, 'plain-long', 'A 5000-byte text: padded to Padmé(5010) = 5120 bytes.', LONG, null);
  const empty = await success(version, 'plain-empty', 'Empty text and no files.', EMPTY, null);
  const pass = await success(
    version,
    'passphrase',
    `With a passphrase given in NFD with a no-break space; it normalises to ${JSON.stringify(PASSPHRASE_NFC)}.`,
    SHORT,
    PASSPHRASE,
  );
  const passNfc = { ...pass, name: 'passphrase-normalised', description: 'The same envelope opened with the NFC spelling.' };
  Object.assign(passNfc, await keyFields(version, await deriveKeys(KEY_A, PASSPHRASE_NFC), PASSPHRASE_NFC));

  const plainBytes = decodeBase64Url(plain.envelope);
  const passBytes = decodeBase64Url(pass.envelope);
  const plainKeys = await deriveKeys(KEY_A);
  const frame = encodePlaintext(SHORT, minPadded);
  const openA = { linkKey: KEY_A, passphrase: null };

  return [
    plain,
    rich,
    long,
    empty,
    pass,
    passNfc,
    await failure(version, 'wrong-key', 'plain-short opened with another link key.', 'wrong key', 'decrypt_failed', plainBytes, {
      linkKey: KEY_B,
      passphrase: null,
    }),
    await failure(version, 'wrong-passphrase', 'passphrase opened with another passphrase.', 'wrong passphrase', 'decrypt_failed', passBytes, {
      linkKey: KEY_A,
      passphrase: 'pässwörd 2',
    }),
    await failure(version, 
      'passphrase-missing',
      'passphrase opened without one: refused from the header, before any decryption.',
      'wrong passphrase',
      'passphrase_mismatch',
      passBytes,
      openA,
    ),
    await failure(version, 'tampered-ciphertext', 'plain-short with one ciphertext bit flipped.', 'tampered', 'decrypt_failed', edit(plainBytes, (b) => (b[20]! ^= 1)), openA),
    await failure(version, 'tampered-tag', 'plain-short with the last tag bit flipped.', 'tampered', 'decrypt_failed', edit(plainBytes, (b) => (b[b.length - 1]! ^= 1)), openA),
    await failure(version, 'tampered-iv', 'plain-short with one IV bit flipped.', 'tampered', 'decrypt_failed', edit(plainBytes, (b) => (b[2]! ^= 1)), openA),
    await failure(version, 
      'tampered-flag-set',
      'plain-short with the passphrase flag set, opened with the passphrase: the header is authenticated.',
      'tampered',
      'decrypt_failed',
      edit(plainBytes, (b) => (b[1] = 1)),
      { linkKey: KEY_A, passphrase: PASSPHRASE },
    ),
    await failure(version, 
      'tampered-flag-cleared',
      'passphrase with its flag cleared, opened with the link key alone.',
      'tampered',
      'decrypt_failed',
      edit(passBytes, (b) => (b[1] = 0)),
      openA,
    ),
    ...(version === 1
      ? [
          await failure(version, 'version-2', 'plain-short claiming version 2.', 'malformed', 'unsupported', edit(plainBytes, (b) => (b[0] = 2)), openA),
          await failure(version, 'version-0', 'plain-short claiming version 0.', 'malformed', 'unsupported', edit(plainBytes, (b) => (b[0] = 0)), openA),
        ]
      : [
          await failure(version, 'type-1', 'plain-short with the type byte of format 1, whose padding its length does not fit.', 'malformed', 'malformed', edit(plainBytes, (b) => (b[0] = 1)), openA),
          await failure(version, 'type-2', 'plain-short with the type byte of a request envelope.', 'malformed', 'unsupported', edit(plainBytes, (b) => (b[0] = 2)), openA),
          await failure(version, 'type-0', 'plain-short with type byte 0.', 'malformed', 'unsupported', edit(plainBytes, (b) => (b[0] = 0)), openA),
        ]),
    await failure(version, 'reserved-flag', 'plain-short with a reserved flag bit set.', 'malformed', 'unsupported', edit(plainBytes, (b) => (b[1] = 0x80)), openA),
    await failure(version, 'truncated-header', 'Only 13 bytes: shorter than the header.', 'malformed', 'malformed', plainBytes.subarray(0, 13), openA),
    await failure(version, 'empty', 'No bytes at all.', 'malformed', 'malformed', new Uint8Array(0), openA),
    await failure(version, 'truncated', 'plain-short without its last byte: not a padded size.', 'malformed', 'malformed', plainBytes.subarray(0, -1), openA),
    await failure(version, 'extended', 'plain-short with one extra byte: not a padded size.', 'malformed', 'malformed', new Uint8Array([...plainBytes, 0]), openA),
    await failure(version, 
      'unpadded',
      version === 1
        ? 'A correctly encrypted frame of 1023 bytes: below the 1 KiB minimum.'
        : `A correctly encrypted frame of ${minPadded - 1} bytes: below the ${minPadded}-byte minimum.`,
      'malformed',
      'malformed',
      await sealRaw(version, frame.subarray(0, minPadded - 1), plainKeys),
      openA,
    ),
    await failure(version, 
      'nonzero-padding',
      'A correctly encrypted frame whose padding has a non-zero byte.',
      'malformed',
      'malformed',
      await sealRaw(version, edit(frame, (b) => (b[minPadded - 1] = 1)), plainKeys),
      openA,
    ),
    await failure(version, 
      'length-overrun',
      'A correctly encrypted frame whose payload length runs past the end.',
      'malformed',
      'malformed',
      await sealRaw(version, edit(frame, (b) => new DataView(b.buffer).setUint32(0, 2000)), plainKeys),
      openA,
    ),
    await failure(version, 
      'invalid-utf8',
      'A correctly encrypted frame whose text is not UTF-8 (a lone 0xFF byte).',
      'malformed',
      'malformed',
      await sealRaw(version, edit(frame, (b) => (b[8] = 0xff)), plainKeys),
      openA,
    ),
    await failure(version, 
      'trailing-bytes',
      'A correctly encrypted frame with a byte after the last file, inside the payload length.',
      'malformed',
      'malformed',
      await sealRaw(version, edit(frame, (b) => new DataView(b.buffer).setUint32(0, new DataView(b.buffer).getUint32(0) + 1)), plainKeys),
      openA,
    ),
    ...(await passphraseRuleVectors(version, passBytes)),
  ];
}

/** Where the vectors of a format live. */
export function vectorDir(version: VectorVersion): string {
  return join(dirname(fileURLToPath(import.meta.url)), `v${version}`);
}

/** The vectors on disk, every format's, in order; a vector's format is its fragment's version. */
export function readVectors(): Vector[] {
  return VECTOR_VERSIONS.flatMap((version) => {
    const dir = vectorDir(version);
    return readdirSync(dir)
      .sort()
      .map((file) => JSON.parse(readFileSync(join(dir, file), 'utf8')) as Vector);
  });
}

/** The format a vector is of, from its fragment (`2.KEY`). */
export const vectorVersion = (vector: Vector): VectorVersion => Number(vector.fragment.split('.')[0]) as VectorVersion;

/**
 * The file text of one vector: stable key order, one field a line, and every
 * non-ASCII character escaped so NFD marks and odd spaces stay visible.
 */
export function vectorFile(vector: object): string {
  const json = JSON.stringify(vector, null, 2).replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return `${json}\n`;
}

export function vectorFileName(vector: { name: string }, index: number): string {
  return `${String(index + 1).padStart(2, '0')}-${vector.name}.json`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const version of VECTOR_VERSIONS) {
    const dir = vectorDir(version);
    const vectors = await buildVectors(version);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    vectors.forEach((vector, i) => writeFileSync(join(dir, vectorFileName(vector, i)), vectorFile(vector)));
    console.log(`wrote ${readdirSync(dir).length} vectors to ${dir}`);
  }
}
