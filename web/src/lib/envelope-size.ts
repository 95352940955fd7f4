/**
 * How large an envelope is (docs/FORMAT.md §4), without any of the code that makes one:
 * the sender's page shows the size as the secret is typed and loads the envelope's
 * code only when it seals. envelope.ts, envelope-payload.ts and primitives.ts re-export
 * these; the unit tests check envelopeSize against what seal() produces.
 */

/** The smallest padded plaintext, but in secret envelopes of version 2 (SECRET_MIN_PADDED_BYTES). */
export const MIN_PADDED_BYTES = 1024;
export const MAX_FILES = 100;
export const MAX_NAME_BYTES = 255;
export const MAX_TYPE_BYTES = 255;
/**
 * The longest note of a request (request.ts), in UTF-8 bytes: a sentence or a short
 * paragraph, not a document. The request page checks it as the note is typed.
 */
export const MAX_NOTE_BYTES = 2000;
/** AES-256-GCM's IV and tag. */
export const IV_BYTES = 12;
export const TAG_BYTES = 16;

/**
 * The smallest padded plaintext of a secret envelope of the format new ones are made in
 * (version 2, envelope.ts). With the server's 37-byte record header and Redis's 6 bytes
 * of string header, the smallest envelope, 981 bytes, is 1,024 bytes, one of its
 * allocator's size classes; version 1's smallest, 1,054 bytes, took a 1,280-byte one.
 */
export const SECRET_MIN_PADDED_BYTES = 951;
/** A secret envelope's header: its type byte, its flags byte, its IV. */
export const SECRET_HEADER_BYTES = 2 + IV_BYTES;

/**
 * Padmé (Nikitin et al., PETS 2019): rounds a length up so that at most O(log log L)
 * bits of it leak, at a cost of at most ~12 % for large payloads.
 */
export function padme(length: number): number {
  if (length < 2) return length;
  const e = Math.floor(Math.log2(length));
  const s = Math.floor(Math.log2(e)) + 1;
  const step = 2 ** (e - s);
  return Math.ceil(length / step) * step;
}

/** The padded size for a frame of `frameLength` bytes. */
export function paddedSize(frameLength: number, minimum = MIN_PADDED_BYTES): number {
  return Math.max(minimum, padme(frameLength));
}

/** Whether `size` is one that paddedSize can produce: checked before decrypting. */
export function isPaddedSize(size: number, minimum = MIN_PADDED_BYTES): boolean {
  return size === minimum || (size > minimum && padme(size) === size);
}

/** Byte lengths of one file's fields in the payload. */
export interface FileLengths {
  nameBytes: number;
  typeBytes: number;
  size: number;
}

/** The payload's length (docs/FORMAT.md §4) for a text and files of these lengths. */
export function payloadLength(textBytes: number, files: readonly FileLengths[]): number {
  return 4 + textBytes + 2 + files.reduce((sum, f) => sum + 2 + f.nameBytes + 2 + f.typeBytes + 4 + f.size, 0);
}

/**
 * The size of the envelope seal() would make of a text and files of these byte lengths,
 * without encrypting anything: what the server's size limit counts.
 */
export function envelopeSize(textBytes: number, files: readonly FileLengths[]): number {
  const frame = 4 + payloadLength(textBytes, files);
  return SECRET_HEADER_BYTES + paddedSize(frame, SECRET_MIN_PADDED_BYTES) + TAG_BYTES;
}
