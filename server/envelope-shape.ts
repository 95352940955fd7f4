/**
 * The shape of an envelope (docs/FORMAT.md §3–4), checked on create without parsing or
 * decrypting anything: its first byte, its flags and its length. The server never imports
 * the client's envelope module (DESIGN §8), so the rule is written here a second time;
 * test/server/envelope-shape.test.ts checks that both agree on every vector and length.
 */

/** One kind of envelope the server stores, told apart by its first byte. */
export interface EnvelopeKind {
  /** The first byte: a secret envelope's format version, or another format's type. */
  readonly typeByte: number;
  /** The flag bits (second byte) it may set; every other bit is reserved and must be zero. */
  readonly flags: number;
  /** Type, flags and whatever else precedes the ciphertext (for a secret, the 12-byte IV). */
  readonly headerBytes: number;
  /** The smallest padded plaintext: 1024 bytes, 951 in a secret envelope of version 2. */
  readonly minPaddedBytes: number;
}

const PASSPHRASE_FLAG = 0x01;

const MIN_PADDED_BYTES = 1024;

/** A secret's envelope, version 1: the passphrase flag only, a 12-byte IV. */
export const SECRET_ENVELOPE: EnvelopeKind = {
  typeByte: 1,
  flags: PASSPHRASE_FLAG,
  headerBytes: 14,
  minPaddedBytes: MIN_PADDED_BYTES,
};
/**
 * A secret's envelope, version 2 (type byte 4): as version 1, padded to at least 951 bytes
 * so that the smallest, stored with its 37-byte record header, fills an allocation of
 * Redis's exactly (docs/FORMAT.md §4).
 */
export const SECRET_ENVELOPE_V2: EnvelopeKind = { ...SECRET_ENVELOPE, typeByte: 4, minPaddedBytes: 951 };
/** A request envelope (docs/FORMAT.md §7.2): no flags, a 12-byte IV. */
export const REQUEST_ENVELOPE: EnvelopeKind = {
  typeByte: 2,
  flags: 0,
  headerBytes: 14,
  minPaddedBytes: MIN_PADDED_BYTES,
};
/** A sealed envelope (docs/FORMAT.md §8): no flags, a 32-byte ephemeral public key and a 12-byte IV. */
export const SEALED_ENVELOPE: EnvelopeKind = {
  typeByte: 3,
  flags: 0,
  headerBytes: 46,
  minPaddedBytes: MIN_PADDED_BYTES,
};

const TAG_BYTES = 16;

/**
 * Why `envelope` cannot be one of `kinds` as a client makes it, or undefined when its
 * shape is possible. Reads two bytes and the length; constant time whatever the size.
 */
export function envelopeShapeProblem(envelope: Uint8Array, kinds: readonly EnvelopeKind[]): string | undefined {
  const kind = kinds.find((k) => k.typeByte === envelope[0]);
  if (!kind)
    return envelope.length === 0 ? 'it is empty' : `its first byte (${envelope[0]}) is no known type or version`;
  if (envelope.length < kind.headerBytes + kind.minPaddedBytes + TAG_BYTES) return 'it is too short';
  if ((envelope[1]! & ~kind.flags) !== 0) return 'it sets reserved flag bits';
  if (!isPaddedSize(envelope.length - kind.headerBytes - TAG_BYTES, kind.minPaddedBytes)) {
    return 'its length is not a padded size';
  }
  return undefined;
}

/**
 * Why `envelope` cannot be a secret's as a client makes it, or undefined: its shape, and
 * its passphrase flag against whether an unlock hash came with it (a secret with one and
 * not the other could never be revealed).
 */
export function secretEnvelopeProblem(envelope: Uint8Array, unlockHash: boolean): string | undefined {
  const problem = envelopeShapeProblem(envelope, [SECRET_ENVELOPE_V2, SECRET_ENVELOPE]);
  if (problem) return problem;
  const flagged = (envelope[1]! & PASSPHRASE_FLAG) !== 0;
  if (flagged && !unlockHash) return 'its passphrase flag is set, but no unlockHash was sent';
  if (!flagged && unlockHash) return 'an unlockHash was sent, but its passphrase flag is not set';
  return undefined;
}

/**
 * Whether a padded plaintext can be `size` bytes long: the minimum, or larger and a fixed
 * point of Padmé. Exact integer arithmetic (bit lengths) where the client uses Math.log2,
 * so the agreement test compares two independent spellings of one rule.
 */
export function isPaddedSize(size: number, minimum = MIN_PADDED_BYTES): boolean {
  if (size === minimum) return true;
  if (!Number.isSafeInteger(size) || size < minimum) return false;
  const e = bitLength(size) - 1;
  const s = bitLength(e);
  return size % 2 ** (e - s) === 0;
}

function bitLength(n: number): number {
  return n < 2 ** 32 ? 32 - Math.clz32(n) : 32 + bitLength(Math.floor(n / 2 ** 32));
}
