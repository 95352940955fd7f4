/**
 * Canonical base64url (RFC 4648 §5) without padding. Decoding is strict: only the
 * URL-safe alphabet, no padding, no length of the form 4k+1, and zero unused bits in
 * the last character, so every byte string has exactly one accepted spelling.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUES = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) VALUES[ALPHABET.charCodeAt(i)] = i;

/** Thrown for any input that is not canonical base64url. */
export class Base64UrlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Base64UrlError';
  }
}

/** Encodes bytes as unpadded base64url. */
export function encodeBase64Url(bytes: Uint8Array): string {
  const parts: string[] = [];
  let chunk = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    chunk += ALPHABET[n >>> 18]! + ALPHABET[(n >>> 12) & 63]! + ALPHABET[(n >>> 6) & 63]! + ALPHABET[n & 63]!;
    // Flush now and then so large files do not build one huge rope of tiny strings.
    if (chunk.length >= 8192) {
      parts.push(chunk);
      chunk = '';
    }
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i]! << 16;
    chunk += ALPHABET[n >>> 18]! + ALPHABET[(n >>> 12) & 63]!;
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    chunk += ALPHABET[n >>> 18]! + ALPHABET[(n >>> 12) & 63]! + ALPHABET[(n >>> 6) & 63]!;
  }
  parts.push(chunk);
  return parts.join('');
}

/**
 * Decodes canonical unpadded base64url; with `expectedLength`, also insists on that
 * many bytes, before decoding anything.
 */
export function decodeBase64Url(text: string, expectedLength?: number): Uint8Array {
  const tail = text.length % 4;
  if (tail === 1) throw new Base64UrlError('base64url text has an impossible length');
  const length = ((text.length - tail) / 4) * 3 + (tail === 0 ? 0 : tail - 1);
  if (expectedLength !== undefined && length !== expectedLength) {
    throw new Base64UrlError(`expected ${expectedLength} bytes of base64url, got ${length}`);
  }
  const out = new Uint8Array(length);
  let o = 0;
  let i = 0;
  const value = (at: number): number => {
    const code = text.charCodeAt(at);
    const v = code < 128 ? VALUES[code]! : -1;
    if (v < 0) throw new Base64UrlError('base64url text has a character outside its alphabet');
    return v;
  };
  for (; i + 4 <= text.length; i += 4) {
    const n = (value(i) << 18) | (value(i + 1) << 12) | (value(i + 2) << 6) | value(i + 3);
    out[o++] = n >>> 16;
    out[o++] = (n >>> 8) & 255;
    out[o++] = n & 255;
  }
  if (tail === 2) {
    const a = value(i);
    const b = value(i + 1);
    if (b & 15) throw new Base64UrlError('base64url text is not canonical (non-zero trailing bits)');
    out[o] = (a << 2) | (b >>> 4);
  } else if (tail === 3) {
    const a = value(i);
    const b = value(i + 1);
    const c = value(i + 2);
    if (c & 3) throw new Base64UrlError('base64url text is not canonical (non-zero trailing bits)');
    out[o++] = (a << 2) | (b >>> 4);
    out[o] = ((b & 15) << 4) | (c >>> 2);
  }
  return out;
}
