/**
 * Sizes and names of attached files, checked in the page before anything is
 * encrypted or uploaded. Plain TS, no DOM: the unit tests check sealedSize against
 * what seal() really produces.
 */
import { envelopeSize, MAX_FILES, MAX_NAME_BYTES, MAX_TYPE_BYTES, type FileLengths } from './lib/envelope-size.js';

export { MAX_FILES, MAX_NAME_BYTES };

/** What sealedSize needs to know of a file. */
export interface FileSize {
  name: string;
  type: string;
  size: number;
}

/** UTF-8 length of a string, without encoding it. */
export function utf8Length(text: string): number {
  let length = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    length += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return length;
}

/**
 * The envelope's size in bytes for this text and these files, as the server's limit
 * counts it: a secret's envelope, or the kind `sizeOf` measures (a sealed answer's).
 */
export function sealedSize(
  textBytes: number,
  files: readonly FileSize[],
  sizeOf: (textBytes: number, files: FileLengths[]) => number = envelopeSize,
): number {
  return sizeOf(
    textBytes,
    files.map((file) => ({ nameBytes: utf8Length(file.name), typeBytes: utf8Length(file.type), size: file.size })),
  );
}

/** Whether a (safe) name fits the envelope. */
export function nameFits(name: string): boolean {
  return utf8Length(name) <= MAX_NAME_BYTES;
}

/** The media type to store, or none when the browser reports an oversized one. */
export function storedType(type: string): string {
  return utf8Length(type) <= MAX_TYPE_BYTES ? type : '';
}
