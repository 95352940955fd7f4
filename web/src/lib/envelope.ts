/**
 * The burnlink envelope, versions 1 and 2 (specified byte by byte in docs/FORMAT.md).
 *
 * WebCrypto only, no UI and no Node APIs: the page, the CLI and the tests import this
 * same module unchanged.
 */
import { decodePlaintext, encodePlaintext, isPaddedSize } from './envelope-payload.js';
import { SECRET_HEADER_BYTES, SECRET_MIN_PADDED_BYTES } from './envelope-size.js';
import {
  EnvelopeError,
  LINK_KEY_BYTES,
  PassphraseError,
  SECRET_FORMAT_VERSIONS,
  type Secret,
} from './envelope-types.js';
import type { SecretKeys } from './envelope-keys.js';
import { aeadOpen, aeadSeal, concat, ivOrFresh, TAG_BYTES } from './primitives.js';

export { EnvelopeError, LINK_KEY_BYTES, PassphraseError, SECRET_FORMAT_VERSIONS };
export { deriveKeys, newLinkKey, normalizePassphrase, proofHash, type SecretKeys } from './envelope-keys.js';
export type { EnvelopeErrorCode, Secret, SecretFile } from './envelope-types.js';
export { envelopeSize, MAX_FILES, MAX_NAME_BYTES, MAX_TYPE_BYTES, type FileLengths } from './envelope-size.js';

/** The secret format new envelopes and links are made in. */
const FORMAT_VERSION = 2;

/** Version 1's header is the same: the type byte, the flags byte, the IV. */
const HEADER_BYTES = SECRET_HEADER_BYTES;
const FLAG_PASSPHRASE = 0x01;

/**
 * Each secret format, by the version its links name: the envelope's first byte, and the
 * smallest padded plaintext. Both derive their keys alike (docs/FORMAT.md §2).
 */
const FORMATS: Readonly<Record<number, { typeByte: number; minPaddedBytes: number }>> = {
  1: { typeByte: 1, minPaddedBytes: 1024 },
  // Its smallest envelope fits one of Redis's allocator's size classes (envelope-size.ts,
  // docs/FORMAT.md §4). envelopeSize (envelope-size.ts) counts in this format's sizes.
  2: { typeByte: 4, minPaddedBytes: SECRET_MIN_PADDED_BYTES },
};

/**
 * Encrypts a secret into an envelope of the current format. `iv` and `version` exist for
 * the test vectors only: leave them out, and never seal twice under the same keys.
 */
export async function seal(
  secret: Secret,
  keys: SecretKeys,
  options: { iv?: Uint8Array; version?: number } = {},
): Promise<Uint8Array> {
  const format = FORMATS[options.version ?? FORMAT_VERSION];
  if (!format) throw new EnvelopeError('unsupported', `There is no envelope version ${options.version}.`);
  const header = concat(Uint8Array.of(format.typeByte, keys.passphrase ? FLAG_PASSPHRASE : 0), ivOrFresh(options.iv));
  return aeadSeal(keys.aesKey, header, encodePlaintext(secret, format.minPaddedBytes));
}

/** Checks and decrypts an envelope; every failure is an EnvelopeError, never garbage. */
export async function open(envelope: Uint8Array, keys: SecretKeys): Promise<Secret> {
  const header = readHeader(envelope);
  if (header.passphrase !== keys.passphrase) {
    throw new EnvelopeError(
      'passphrase_mismatch',
      header.passphrase ? 'This secret needs its passphrase.' : 'This secret has no passphrase.',
    );
  }
  const { minPaddedBytes } = FORMATS[header.version]!;
  return decodePlaintext(await aeadOpen(keys.aesKey, envelope, HEADER_BYTES), minPaddedBytes);
}

/** Reads and checks the header without any cryptographic work; `version` is the format's (1 or 2). */
export function readHeader(envelope: Uint8Array): { version: number; passphrase: boolean } {
  if (envelope.length < HEADER_BYTES) throw new EnvelopeError('malformed', 'The envelope is too short.');
  const typeByte = envelope[0]!;
  const flags = envelope[1]!;
  const version = SECRET_FORMAT_VERSIONS.find((known) => FORMATS[known]!.typeByte === typeByte);
  if (version === undefined) {
    throw new EnvelopeError('unsupported', `Envelope type ${typeByte} is not a secret format this client knows.`);
  }
  if (flags & ~FLAG_PASSPHRASE) throw new EnvelopeError('unsupported', 'The envelope sets reserved flags.');
  if (!isPaddedSize(envelope.length - HEADER_BYTES - TAG_BYTES, FORMATS[version]!.minPaddedBytes)) {
    throw new EnvelopeError('malformed', 'The envelope has an impossible length.');
  }
  return { version, passphrase: (flags & FLAG_PASSPHRASE) !== 0 };
}
