/**
 * Strict base64url for the server, on Node's Buffer (the server never imports the
 * page's modules). Node's own decoder is lenient, so canonical form is checked first.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** How many bytes unpadded base64url text of this length decodes to. */
export const decodedLength = (text: string): number => Math.floor((text.length * 3) / 4);

/** Decodes canonical unpadded base64url whose characters the schema already checked; null if not canonical. */
export function decodeCanonical(text: string): Buffer | null {
  const tail = text.length % 4;
  if (tail === 1) return null;
  if (tail > 1) {
    const last = ALPHABET.indexOf(text[text.length - 1]!);
    if (last < 0 || (last & (tail === 2 ? 15 : 3)) !== 0) return null;
  }
  return Buffer.from(text, 'base64url');
}
