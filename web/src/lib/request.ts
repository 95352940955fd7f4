/**
 * Requests (docs/FORMAT.md §7): a requester asks someone for a secret. Everything
 * comes from one random 32-byte inbox key, kept only in the requester's inbox link:
 *
 *   inbox key ──X25519──▶ public key (answers are sealed to it, sealed.ts)
 *       ├──HKDF──▶ inbox proof (reads the inbox)
 *       └──HKDF──▶ request key, in the request link ──HKDF──▶ access proof, AES key
 *
 * The request envelope carries the public key and the requester's note, encrypted and
 * authenticated under the request key: the server can neither read the note nor swap
 * the key an answer is sealed to. The request key gives nothing of the inbox key.
 */
import { isPaddedSize, padPayload, unpadPayload } from './envelope-payload.js';
import { MAX_NOTE_BYTES } from './envelope-size.js';
import { EnvelopeError } from './envelope-types.js';
import {
  aeadOpen,
  aeadSeal,
  concat,
  hkdf,
  hkdfAesKey,
  hkdfKey,
  IV_BYTES,
  ivOrFresh,
  label,
  TAG_BYTES,
  x25519KeyPair,
  X25519_KEY_BYTES,
} from './primitives.js';
import type { Recipient } from './sealed.js';

/** The envelope's first byte: a request envelope, format 1. */
const REQUEST_TYPE = 2;
export { MAX_NOTE_BYTES };
export const INBOX_KEY_BYTES = 32;
export const REQUEST_KEY_BYTES = 32;

const HEADER_BYTES = 2 + IV_BYTES;
const LABEL_REQUEST_KEY = label('burnlink/v1 request link key');
const LABEL_INBOX_PROOF = label('burnlink/v1 inbox proof');
const LABEL_ACCESS = label('burnlink/v1 request access proof');
const LABEL_AES_KEY = label('burnlink/v1 request aes-256-gcm key');

const utf8 = new TextEncoder();
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** What the inbox link gives: everything the requester needs. */
export interface InboxKeys extends Recipient {
  readonly inboxKey: Uint8Array;
  /** Shown to the server to read the inbox and reveal the answer. */
  readonly proof: Uint8Array;
  /** The key of the request link, derived again so the inbox can show it. */
  readonly requestKey: Uint8Array;
}

/** What the request link gives: what a responder needs, and nothing that opens an answer. */
export interface RequestKeys {
  readonly requestKey: Uint8Array;
  /** Shown to the server to read the request and to answer it. */
  readonly access: Uint8Array;
  readonly aesKey: CryptoKey;
}

/** What a request says to the responder. */
export interface RequestContent {
  /** Possibly empty; plain text, never markup. */
  note: string;
  /** The X25519 public key the answer is sealed to. */
  publicKey: Uint8Array;
}

/** A fresh random inbox key: one per request. */
export function newInboxKey(): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(INBOX_KEY_BYTES));
}

/** Derives the key pair, the inbox proof and the request key from an inbox key. */
export async function deriveInboxKeys(inboxKey: Uint8Array): Promise<InboxKeys> {
  if (inboxKey.length !== INBOX_KEY_BYTES) {
    throw new EnvelopeError('malformed', `an inbox key is ${INBOX_KEY_BYTES} bytes`);
  }
  const { privateKey, publicKey } = await x25519KeyPair(inboxKey);
  const ikm = await hkdfKey(inboxKey);
  return {
    inboxKey,
    privateKey,
    publicKey,
    proof: await hkdf(ikm, LABEL_INBOX_PROOF),
    requestKey: await hkdf(ikm, LABEL_REQUEST_KEY),
  };
}

/** Derives the access proof and the request envelope's AES key from a request key. */
export async function deriveRequestKeys(requestKey: Uint8Array): Promise<RequestKeys> {
  if (requestKey.length !== REQUEST_KEY_BYTES) {
    throw new EnvelopeError('malformed', `a request key is ${REQUEST_KEY_BYTES} bytes`);
  }
  const ikm = await hkdfKey(requestKey);
  return { requestKey, access: await hkdf(ikm, LABEL_ACCESS), aesKey: await hkdfAesKey(ikm, LABEL_AES_KEY) };
}

/** Encrypts a request's note and public key. `iv` exists for the test vectors only. */
export async function sealRequest(
  content: RequestContent,
  keys: RequestKeys,
  options: { iv?: Uint8Array } = {},
): Promise<Uint8Array> {
  if (content.publicKey.length !== X25519_KEY_BYTES) {
    throw new EnvelopeError('malformed', `a public key is ${X25519_KEY_BYTES} bytes`);
  }
  const note = utf8.encode(content.note);
  if (note.length > MAX_NOTE_BYTES) {
    throw new EnvelopeError('malformed', `a note is at most ${MAX_NOTE_BYTES} bytes of UTF-8`);
  }
  const header = concat(Uint8Array.of(REQUEST_TYPE, 0), ivOrFresh(options.iv));
  return aeadSeal(keys.aesKey, header, padPayload(concat(content.publicKey, note)));
}

/**
 * The requester's own note, read back from the inbox with the request key the inbox link
 * holds; undefined if it will not open (it is only context: the inbox works without it).
 */
export async function openInboxNote(envelope: Uint8Array, keys: InboxKeys): Promise<string | undefined> {
  try {
    return (await openRequest(envelope, await deriveRequestKeys(keys.requestKey))).note;
  } catch {
    return undefined;
  }
}

/** Checks and decrypts a request envelope; every failure is an EnvelopeError. */
export async function openRequest(envelope: Uint8Array, keys: RequestKeys): Promise<RequestContent> {
  readRequestHeader(envelope);
  const payload = unpadPayload(await aeadOpen(keys.aesKey, envelope, HEADER_BYTES));
  const fail = (why: string): never => {
    throw new EnvelopeError('malformed', `the decrypted request is malformed: ${why}`);
  };
  if (payload.length < X25519_KEY_BYTES) fail('it has no public key');
  const noteBytes = payload.subarray(X25519_KEY_BYTES);
  if (noteBytes.length > MAX_NOTE_BYTES) fail('its note is too long');
  let note = '';
  try {
    note = strictUtf8.decode(noteBytes);
  } catch {
    fail('its note is not valid UTF-8');
  }
  return { note, publicKey: payload.slice(0, X25519_KEY_BYTES) };
}

/** The header checks, before any cryptographic work. */
function readRequestHeader(envelope: Uint8Array): void {
  if (envelope.length < HEADER_BYTES) throw new EnvelopeError('malformed', 'The request is too short.');
  if (envelope[0] !== REQUEST_TYPE) {
    throw new EnvelopeError('unsupported', `Envelope type ${envelope[0]} is not a request.`);
  }
  if (envelope[1] !== 0) throw new EnvelopeError('unsupported', 'The request sets reserved flags.');
  const padded = envelope.length - HEADER_BYTES - TAG_BYTES;
  if (!isPaddedSize(padded) || padded > MAX_REQUEST_PADDED_BYTES) {
    throw new EnvelopeError('malformed', 'The request has an impossible length.');
  }
}

/** The largest padded plaintext a request can have: a public key and the longest note. */
const MAX_REQUEST_PADDED_BYTES = padPayload(new Uint8Array(X25519_KEY_BYTES + MAX_NOTE_BYTES)).length;
