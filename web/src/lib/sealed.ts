/**
 * Sealed envelopes (docs/FORMAT.md §8): a secret only the holder of an X25519 private
 * key can open, made by someone who knows just the public key. One construction for
 * every flow that starts on the other side (today: the answer to a request).
 *
 * Each envelope has its own ephemeral key pair, so the sender keeps nothing that
 * opens it afterwards; the shared secret is bound to both public keys by HKDF.
 */
import {
  decodePlaintext,
  encodePlaintext,
  isPaddedSize,
  paddedSize,
  payloadLength,
  type FileLengths,
} from './envelope-payload.js';
import { EnvelopeError, type Secret } from './envelope-types.js';
import {
  aeadOpen,
  aeadSeal,
  concat,
  hkdfAesKey,
  hkdfKey,
  IV_BYTES,
  ivOrFresh,
  label,
  TAG_BYTES,
  x25519,
  x25519KeyPair,
  X25519_KEY_BYTES,
} from './primitives.js';

/** The envelope's first byte: a sealed envelope, format 1. */
const SEALED_TYPE = 3;
const HEADER_BYTES = 2 + X25519_KEY_BYTES + IV_BYTES;
const AES_LABEL = 'burnlink/v1 sealed aes-256-gcm key';

/** The private half, and its public key, that opens sealed envelopes. */
export interface Recipient {
  readonly privateKey: CryptoKey;
  readonly publicKey: Uint8Array;
}

/**
 * Seals a secret to a recipient's public key. `ephemeralKey` and `iv` exist for the
 * test vectors only: leave them out.
 */
export async function sealTo(
  recipientPublicKey: Uint8Array,
  secret: Secret,
  options: { ephemeralKey?: Uint8Array; iv?: Uint8Array } = {},
): Promise<Uint8Array> {
  const ephemeral = await x25519KeyPair(options.ephemeralKey ?? crypto.getRandomValues(new Uint8Array(32)));
  const key = await sealingKey(ephemeral.privateKey, recipientPublicKey, ephemeral.publicKey, recipientPublicKey);
  const header = concat(Uint8Array.of(SEALED_TYPE, 0), ephemeral.publicKey, ivOrFresh(options.iv));
  return aeadSeal(key, header, encodePlaintext(secret));
}

/** Checks and opens a sealed envelope; every failure is an EnvelopeError. */
export async function openSealed(envelope: Uint8Array, recipient: Recipient): Promise<Secret> {
  readSealedHeader(envelope);
  const ephemeralPublicKey = envelope.subarray(2, 2 + X25519_KEY_BYTES);
  const key = await sealingKey(recipient.privateKey, ephemeralPublicKey, ephemeralPublicKey, recipient.publicKey);
  return decodePlaintext(await aeadOpen(key, envelope, HEADER_BYTES));
}

/** The header checks, before any cryptographic work. */
function readSealedHeader(envelope: Uint8Array): void {
  if (envelope.length < HEADER_BYTES) throw new EnvelopeError('malformed', 'The envelope is too short.');
  if (envelope[0] !== SEALED_TYPE) {
    throw new EnvelopeError('unsupported', `Envelope type ${envelope[0]} is not a sealed envelope.`);
  }
  if (envelope[1] !== 0) throw new EnvelopeError('unsupported', 'The envelope sets reserved flags.');
  if (!isPaddedSize(envelope.length - HEADER_BYTES - TAG_BYTES)) {
    throw new EnvelopeError('malformed', 'The envelope has an impossible length.');
  }
}

/**
 * The size of the envelope sealTo would make of a text and files of these byte lengths,
 * without encrypting anything: what the server's size limit counts.
 */
export function sealedEnvelopeSize(textBytes: number, files: readonly FileLengths[]): number {
  return HEADER_BYTES + paddedSize(4 + payloadLength(textBytes, files)) + TAG_BYTES;
}

async function sealingKey(
  privateKey: CryptoKey,
  peerPublicKey: Uint8Array,
  ephemeralPublicKey: Uint8Array,
  recipientPublicKey: Uint8Array,
): Promise<CryptoKey> {
  const shared = await x25519(privateKey, peerPublicKey);
  return hkdfAesKey(await hkdfKey(shared), label(AES_LABEL, ephemeralPublicKey, recipientPublicKey));
}
