/**
 * The burnlink envelope, version 1 (specified byte by byte in docs/FORMAT.md).
 *
 * WebCrypto only, no UI and no Node APIs: the page, the CLI and the tests import this
 * same module unchanged.
 */
import {
  decodePlaintext,
  encodePlaintext,
  isPaddedSize,
  paddedSize,
  payloadLength,
  type FileLengths,
} from './envelope-payload.js';
import { EnvelopeError, PassphraseError, type Secret } from './envelope-types.js';

export { EnvelopeError, PassphraseError };
export type { EnvelopeErrorCode, Secret, SecretFile } from './envelope-types.js';
export { MAX_FILES, MAX_NAME_BYTES, MAX_TYPE_BYTES, type FileLengths } from './envelope-payload.js';

export const FORMAT_VERSION = 1;
export const LINK_KEY_BYTES = 32;
export const PBKDF2_ITERATIONS = 600_000;

const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = 2 + IV_BYTES;
const FLAG_PASSPHRASE = 0x01;

const utf8 = new TextEncoder();
const HKDF_SALT = utf8.encode('burnlink/v1');
const LABEL_PBKDF2_SALT = utf8.encode('burnlink/v1 pbkdf2 salt');
const LABEL_ACCESS = utf8.encode('burnlink/v1 access proof');
const LABEL_UNLOCK = utf8.encode('burnlink/v1 unlock proof');
const LABEL_AES_KEY = utf8.encode('burnlink/v1 aes-256-gcm key');

/** Everything derived from a link key (and passphrase) that sealing and opening need. */
export interface SecretKeys {
  readonly linkKey: Uint8Array;
  readonly passphrase: boolean;
  /** Shown to the server at status and reveal; derived from the link key alone. */
  readonly access: Uint8Array;
  /** Shown to the server at reveal when a passphrase is set. */
  readonly unlock?: Uint8Array;
  readonly aesKey: CryptoKey;
}

/** A fresh random link key: one per envelope, never reused. */
export function newLinkKey(): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(LINK_KEY_BYTES));
}

/**
 * RFC 8265 OpaqueString, as far as every runtime agrees on it: non-ASCII spaces become
 * U+0020, then NFC; empty input, control characters and lone surrogates are refused.
 * No trimming: a space typed on purpose is part of the passphrase.
 */
export function normalizePassphrase(passphrase: string): string {
  const normalized = passphrase.replace(/\p{Zs}/gu, ' ').normalize('NFC');
  if (normalized.length === 0) throw new PassphraseError('The passphrase is empty.');
  if (/[\p{Cc}\p{Cs}]/u.test(normalized)) {
    throw new PassphraseError('The passphrase contains control characters.');
  }
  return normalized;
}

/** Derives the proofs and the AES key from a link key and an optional passphrase. */
export async function deriveKeys(linkKey: Uint8Array, passphrase?: string): Promise<SecretKeys> {
  if (linkKey.length !== LINK_KEY_BYTES) {
    throw new EnvelopeError('malformed', `a link key is ${LINK_KEY_BYTES} bytes`);
  }
  const linkIkm = await hkdfKey(linkKey);
  const access = await hkdf(linkIkm, LABEL_ACCESS);
  if (passphrase === undefined) {
    return { linkKey, passphrase: false, access, aesKey: await aesKey(linkIkm) };
  }
  const stretched = await stretch(normalizePassphrase(passphrase), await hkdf(linkIkm, LABEL_PBKDF2_SALT));
  const bothIkm = await hkdfKey(concat(linkKey, stretched));
  return {
    linkKey,
    passphrase: true,
    access,
    unlock: await hkdf(bothIkm, LABEL_UNLOCK),
    aesKey: await aesKey(bothIkm),
  };
}

/** SHA-256 of a proof: what the sender gives the server at creation. */
export async function proofHash(proof: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', proof as BufferSource));
}

/**
 * The size of the envelope seal() would make of a text and files of these byte lengths,
 * without encrypting anything: what the server's size limit counts.
 */
export function envelopeSize(textBytes: number, files: readonly FileLengths[]): number {
  return HEADER_BYTES + paddedSize(4 + payloadLength(textBytes, files)) + TAG_BYTES;
}

/**
 * Encrypts a secret into an envelope. `iv` exists for the test vectors only: leave it
 * out, and never seal twice under the same keys.
 */
export async function seal(secret: Secret, keys: SecretKeys, options: { iv?: Uint8Array } = {}): Promise<Uint8Array> {
  const iv = options.iv ?? crypto.getRandomValues(new Uint8Array(IV_BYTES));
  if (iv.length !== IV_BYTES) throw new EnvelopeError('malformed', `an IV is ${IV_BYTES} bytes`);
  const header = new Uint8Array(HEADER_BYTES);
  header[0] = FORMAT_VERSION;
  header[1] = keys.passphrase ? FLAG_PASSPHRASE : 0;
  header.set(iv, 2);
  const sealed = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv: iv as BufferSource, additionalData: header as BufferSource, tagLength: TAG_BYTES * 8 },
    keys.aesKey,
    encodePlaintext(secret) as BufferSource,
  );
  return concat(header, new Uint8Array(sealed));
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
  let plaintext: ArrayBuffer;
  try {
    plaintext = await crypto.subtle.decrypt(
      {
        name: 'AES-GCM',
        iv: envelope.subarray(2, HEADER_BYTES) as BufferSource,
        additionalData: envelope.subarray(0, HEADER_BYTES) as BufferSource,
        tagLength: TAG_BYTES * 8,
      },
      keys.aesKey,
      envelope.subarray(HEADER_BYTES) as BufferSource,
    );
  } catch {
    throw new EnvelopeError(
      'decrypt_failed',
      'The secret could not be decrypted: the link or the passphrase is wrong, or the data was changed.',
    );
  }
  return decodePlaintext(new Uint8Array(plaintext));
}

/** Reads and checks the header without any cryptographic work. */
export function readHeader(envelope: Uint8Array): { version: number; passphrase: boolean } {
  if (envelope.length < HEADER_BYTES) throw new EnvelopeError('malformed', 'The envelope is too short.');
  const version = envelope[0]!;
  const flags = envelope[1]!;
  if (version !== FORMAT_VERSION) {
    throw new EnvelopeError('unsupported', `Envelope version ${version} is not supported by this client.`);
  }
  if (flags & ~FLAG_PASSPHRASE) throw new EnvelopeError('unsupported', 'The envelope sets reserved flags.');
  if (!isPaddedSize(envelope.length - HEADER_BYTES - TAG_BYTES)) {
    throw new EnvelopeError('malformed', 'The envelope has an impossible length.');
  }
  return { version, passphrase: (flags & FLAG_PASSPHRASE) !== 0 };
}

async function hkdfKey(ikm: Uint8Array): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', ikm as BufferSource, 'HKDF', false, ['deriveBits', 'deriveKey']);
}

function hkdfParams(info: Uint8Array): HkdfParams {
  return { name: 'HKDF', hash: 'SHA-256', salt: HKDF_SALT, info: info as BufferSource };
}

async function hkdf(ikm: CryptoKey, info: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.deriveBits(hkdfParams(info), ikm, 256));
}

async function aesKey(ikm: CryptoKey): Promise<CryptoKey> {
  return crypto.subtle.deriveKey(hkdfParams(LABEL_AES_KEY), ikm, { name: 'AES-GCM', length: 256 }, false, [
    'encrypt',
    'decrypt',
  ]);
}

async function stretch(passphrase: string, salt: Uint8Array): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', utf8.encode(passphrase) as BufferSource, 'PBKDF2', false, [
    'deriveBits',
  ]);
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations: PBKDF2_ITERATIONS },
    key,
    256,
  );
  return new Uint8Array(bits);
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
