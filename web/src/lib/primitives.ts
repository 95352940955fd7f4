/**
 * The WebCrypto building blocks every burnlink format uses (docs/FORMAT.md,
 * "Conventions"): HKDF-SHA256 with the fixed salt, AES-256-GCM with the header as
 * additional data, X25519. Internal to the client library: the formats' own modules
 * (envelope, request, sealed) are the public surface.
 */
import { decodeBase64Url } from './base64url.js';
import { IV_BYTES, TAG_BYTES } from './envelope-size.js';
import { EnvelopeError } from './envelope-types.js';

export { IV_BYTES, TAG_BYTES };

const utf8 = new TextEncoder();
const HKDF_SALT = utf8.encode('burnlink/v1');
export const X25519_KEY_BYTES = 32;

/** An `info` label as bytes; `context` (public keys) is appended where a format binds it in. */
export function label(text: string, ...context: Uint8Array[]): Uint8Array {
  return concat(utf8.encode(text), ...context);
}

/** Input keying material for HKDF. */
export async function hkdfKey(ikm: Uint8Array): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', ikm as BufferSource, 'HKDF', false, ['deriveBits', 'deriveKey']);
}

function hkdfParams(info: Uint8Array): HkdfParams {
  return { name: 'HKDF', hash: 'SHA-256', salt: HKDF_SALT, info: info as BufferSource };
}

/** HKDF(ikm, info): 32 bytes. */
export async function hkdf(ikm: CryptoKey, info: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.deriveBits(hkdfParams(info), ikm, 256));
}

/** HKDF(ikm, info) as a non-extractable AES-256-GCM key. */
export async function hkdfAesKey(ikm: CryptoKey, info: Uint8Array): Promise<CryptoKey> {
  return crypto.subtle.deriveKey(hkdfParams(info), ikm, { name: 'AES-GCM', length: 256 }, false, [
    'encrypt',
    'decrypt',
  ]);
}

/** A fresh IV, or the given one (test vectors only) after checking its length. */
export function ivOrFresh(iv?: Uint8Array): Uint8Array {
  if (iv === undefined) return crypto.getRandomValues(new Uint8Array(IV_BYTES));
  if (iv.length !== IV_BYTES) throw new EnvelopeError('malformed', `an IV is ${IV_BYTES} bytes`);
  return iv;
}

/** header || AES-256-GCM(plaintext) with the whole header as additional data; the IV is the header's last 12 bytes. */
export async function aeadSeal(key: CryptoKey, header: Uint8Array, plaintext: Uint8Array): Promise<Uint8Array> {
  const sealed = await crypto.subtle.encrypt(
    {
      name: 'AES-GCM',
      iv: header.subarray(header.length - IV_BYTES) as BufferSource,
      additionalData: header as BufferSource,
      tagLength: TAG_BYTES * 8,
    },
    key,
    plaintext as BufferSource,
  );
  return concat(header, new Uint8Array(sealed));
}

/** The inverse of aeadSeal for a header of `headerBytes`; any failure is one `decrypt_failed`. */
export async function aeadOpen(key: CryptoKey, envelope: Uint8Array, headerBytes: number): Promise<Uint8Array> {
  try {
    const plaintext = await crypto.subtle.decrypt(
      {
        name: 'AES-GCM',
        iv: envelope.subarray(headerBytes - IV_BYTES, headerBytes) as BufferSource,
        additionalData: envelope.subarray(0, headerBytes) as BufferSource,
        tagLength: TAG_BYTES * 8,
      },
      key,
      envelope.subarray(headerBytes) as BufferSource,
    );
    return new Uint8Array(plaintext);
  } catch {
    throw new EnvelopeError(
      'decrypt_failed',
      'This could not be decrypted: the link or the passphrase is wrong, or the data was changed.',
    );
  }
}

// PKCS #8 for an X25519 private key is a fixed 16-byte prefix and the 32 raw bytes
// (RFC 8410): WebCrypto imports raw private keys only this way or as JWK, which would
// need the public key we are about to compute.
const X25519_PKCS8_PREFIX = Uint8Array.from([
  0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x6e, 0x04, 0x22, 0x04, 0x20,
]);

/** An X25519 key pair from its 32 private bytes (any 32 bytes: X25519 clamps them). */
export async function x25519KeyPair(
  privateBytes: Uint8Array,
): Promise<{ privateKey: CryptoKey; publicKey: Uint8Array }> {
  if (privateBytes.length !== X25519_KEY_BYTES) {
    throw new EnvelopeError('malformed', `an X25519 private key is ${X25519_KEY_BYTES} bytes`);
  }
  // Extractable only for the moment it takes to read the public half out of its JWK.
  const extractable = await crypto.subtle.importKey(
    'pkcs8',
    concat(X25519_PKCS8_PREFIX, privateBytes) as BufferSource,
    { name: 'X25519' },
    true,
    ['deriveBits'],
  );
  const { x } = await crypto.subtle.exportKey('jwk', extractable);
  const publicKey = decodeBase64Url(x ?? '', X25519_KEY_BYTES);
  const privateKey = await crypto.subtle.importKey(
    'pkcs8',
    concat(X25519_PKCS8_PREFIX, privateBytes) as BufferSource,
    { name: 'X25519' },
    false,
    ['deriveBits'],
  );
  return { privateKey, publicKey };
}

/** X25519(privateKey, publicKey); a low-order public key (an all-zero result) is refused as malformed. */
export async function x25519(privateKey: CryptoKey, publicKey: Uint8Array): Promise<Uint8Array> {
  if (publicKey.length !== X25519_KEY_BYTES) {
    throw new EnvelopeError('malformed', `an X25519 public key is ${X25519_KEY_BYTES} bytes`);
  }
  try {
    const peer = await crypto.subtle.importKey('raw', publicKey as BufferSource, { name: 'X25519' }, false, []);
    return new Uint8Array(await crypto.subtle.deriveBits({ name: 'X25519', public: peer }, privateKey, 256));
  } catch {
    throw new EnvelopeError('malformed', 'The public key is not usable (a low-order point).');
  }
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
