/**
 * The plaintext inside an envelope (docs/FORMAT.md §4): the structured payload, framed
 * with its length and zero-padded to max(minimum, Padmé(length)), the minimum being
 * 1 KiB but in secret envelopes of version 2 (envelope.ts). Shared by the envelope,
 * request and sealed modules, not by their users.
 */
import { EnvelopeError, type Secret, type SecretFile } from './envelope-types.js';
import {
  MAX_FILES,
  MAX_NAME_BYTES,
  MAX_TYPE_BYTES,
  MIN_PADDED_BYTES,
  paddedSize,
  payloadLength,
} from './envelope-size.js';

export {
  isPaddedSize,
  MAX_FILES,
  MAX_NAME_BYTES,
  MAX_TYPE_BYTES,
  MIN_PADDED_BYTES,
  padme,
  paddedSize,
  payloadLength,
  type FileLengths,
} from './envelope-size.js';

const utf8 = new TextEncoder();
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Frames and pads a payload: u32 length || payload || zero bytes, to its padded size. */
export function padPayload(payload: Uint8Array): Uint8Array {
  const out = new Uint8Array(paddedSize(4 + payload.length));
  new DataView(out.buffer).setUint32(0, payload.length);
  out.set(payload, 4);
  return out;
}

/**
 * The payload inside a decrypted, padded frame, after checking the frame is the one
 * canonical form: the padded size of its length, and nothing but zero bytes after it.
 */
export function unpadPayload(padded: Uint8Array, minimum = MIN_PADDED_BYTES): Uint8Array {
  const fail = (why: string): never => {
    throw new EnvelopeError('malformed', `the decrypted payload is malformed: ${why}`);
  };
  if (padded.length < 4) fail('too short');
  const end = 4 + new DataView(padded.buffer, padded.byteOffset, padded.byteLength).getUint32(0);
  if (end > padded.length) fail('its length runs past the end');
  if (paddedSize(end, minimum) !== padded.length) fail('the padding has the wrong size');
  for (let i = end; i < padded.length; i++) if (padded[i] !== 0) fail('the padding is not all zero');
  return padded.subarray(4, end);
}

/** Serializes and pads a secret: u32 length || payload || zero bytes. */
export function encodePlaintext(secret: Secret, minimum = MIN_PADDED_BYTES): Uint8Array {
  if (secret.files.length > MAX_FILES) {
    throw new EnvelopeError('malformed', `a secret holds at most ${MAX_FILES} files`);
  }
  const text = utf8.encode(secret.text);
  const files = secret.files.map((file) => {
    const name = utf8.encode(file.name);
    const type = utf8.encode(file.type);
    if (name.length === 0 || name.length > MAX_NAME_BYTES) {
      throw new EnvelopeError('malformed', `a file name must be 1 to ${MAX_NAME_BYTES} bytes long`);
    }
    if (type.length > MAX_TYPE_BYTES) {
      throw new EnvelopeError('malformed', `a file type must be at most ${MAX_TYPE_BYTES} bytes long`);
    }
    return { name, type, bytes: file.bytes };
  });
  const length = payloadLength(
    text.length,
    files.map((f) => ({ nameBytes: f.name.length, typeBytes: f.type.length, size: f.bytes.length })),
  );
  if (length > 0xffff_ffff - 4) throw new EnvelopeError('malformed', 'the secret is too large');

  const out = new Uint8Array(paddedSize(4 + length, minimum));
  const view = new DataView(out.buffer);
  let at = 0;
  const u16 = (n: number) => {
    view.setUint16(at, n);
    at += 2;
  };
  const u32 = (n: number) => {
    view.setUint32(at, n);
    at += 4;
  };
  const put = (bytes: Uint8Array) => {
    out.set(bytes, at);
    at += bytes.length;
  };
  u32(length);
  u32(text.length);
  put(text);
  u16(files.length);
  for (const f of files) {
    u16(f.name.length);
    put(f.name);
    u16(f.type.length);
    put(f.type);
    u32(f.bytes.length);
    put(f.bytes);
  }
  return out;
}

/** Parses a decrypted, padded plaintext; refuses anything but the one canonical form. */
export function decodePlaintext(padded: Uint8Array, minimum = MIN_PADDED_BYTES): Secret {
  const view = new DataView(padded.buffer, padded.byteOffset, padded.byteLength);
  const fail = (why: string): never => {
    throw new EnvelopeError('malformed', `the decrypted payload is malformed: ${why}`);
  };
  const end = 4 + unpadPayload(padded, minimum).length;

  let at = 4;
  const need = (n: number) => {
    if (at + n > end) fail('a field runs past the end');
  };
  const u16 = () => {
    need(2);
    const n = view.getUint16(at);
    at += 2;
    return n;
  };
  const u32 = () => {
    need(4);
    const n = view.getUint32(at);
    at += 4;
    return n;
  };
  const take = (n: number) => {
    need(n);
    const bytes = padded.subarray(at, at + n);
    at += n;
    return bytes;
  };
  const text = (bytes: Uint8Array) => {
    try {
      return strictUtf8.decode(bytes);
    } catch {
      return fail('text is not valid UTF-8');
    }
  };

  const secretText = text(take(u32()));
  const count = u16();
  if (count > MAX_FILES) fail('too many files');
  const files: SecretFile[] = [];
  for (let i = 0; i < count; i++) {
    const nameLength = u16();
    if (nameLength === 0 || nameLength > MAX_NAME_BYTES) fail('a file name has a bad length');
    const name = text(take(nameLength));
    const typeLength = u16();
    if (typeLength > MAX_TYPE_BYTES) fail('a file type has a bad length');
    const type = text(take(typeLength));
    // Copy so the file does not pin the whole padded plaintext in memory.
    const bytes = take(u32()).slice();
    files.push({ name, type, bytes });
  }
  if (at !== end) fail('bytes are left over after the last file');
  return { text: secretText, files };
}
