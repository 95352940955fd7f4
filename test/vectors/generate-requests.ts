/**
 * Generates the request and sealed-answer test vectors in test/vectors/request-v1/
 * (`npm run vectors`). Inputs are fixed, so the output is deterministic;
 * test/web/request.vectors.test.ts checks the files are exactly what this produces and
 * runs every vector through the client library, in Node and in Chromium.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeBase64Url as b64 } from '../../web/src/lib/base64url.js';
import { padPayload } from '../../web/src/lib/envelope-payload.js';
import { proofHash, type Secret } from '../../web/src/lib/envelope.js';
import { aeadSeal, concat } from '../../web/src/lib/primitives.js';
import { deriveInboxKeys, deriveRequestKeys, sealRequest } from '../../web/src/lib/request.js';
import { sealTo } from '../../web/src/lib/sealed.js';
import type { Expect } from './generate.js';
import { vectorFile, vectorFileName } from './generate.js';
import type { RequestVector } from './request-vector.js';

const fixed = (length: number, start: number) => Uint8Array.from({ length }, (_, i) => (start + i * 7) & 255);
const INBOX_A = fixed(32, 11);
const INBOX_B = fixed(32, 111);
const EPHEMERAL = fixed(32, 151);
const IV = fixed(12, 201);

const NOTE = 'Please send the card number for invoice 2291.\nDanke, Jörg 🙏';
const ANSWER: Secret = { text: '4111 1111 1111 1111\n12/29 123', files: [] };
const ANSWER_WITH_FILES: Secret = {
  text: 'Scan attached.\r\nZugang für Jörg',
  files: [
    { name: 'passport scan.pdf', type: 'application/pdf', bytes: fixed(700, 3) },
    { name: 'empty.txt', type: 'text/plain', bytes: new Uint8Array(0) },
  ],
};

export const REQUEST_VECTOR_DIR = join(dirname(fileURLToPath(import.meta.url)), 'request-v1');

const edit = (bytes: Uint8Array, change: (copy: Uint8Array) => void) => {
  const copy = bytes.slice();
  change(copy);
  return copy;
};

async function keyFields(inboxKey: Uint8Array) {
  const inbox = await deriveInboxKeys(inboxKey);
  const request = await deriveRequestKeys(inbox.requestKey);
  return {
    inboxKey: b64(inboxKey),
    inboxFragment: `1.${b64(inboxKey)}`,
    publicKey: b64(inbox.publicKey),
    requestKey: b64(inbox.requestKey),
    requestFragment: `1.${b64(inbox.requestKey)}`,
    proof: b64(inbox.proof),
    proofHash: b64(await proofHash(inbox.proof)),
    access: b64(request.access),
    accessHash: b64(await proofHash(request.access)),
  };
}

const secretJson = (secret: Secret): RequestVector['secret'] => ({
  text: secret.text,
  files: secret.files.map((f) => ({ name: f.name, type: f.type, bytes: b64(f.bytes) })),
});

async function requestSuccess(name: string, description: string, note: string): Promise<RequestVector> {
  const inbox = await deriveInboxKeys(INBOX_A);
  const envelope = await sealRequest({ note, publicKey: inbox.publicKey }, await deriveRequestKeys(inbox.requestKey), {
    iv: IV,
  });
  return {
    name,
    description,
    kind: 'request',
    expect: 'success',
    error: null,
    ...(await keyFields(INBOX_A)),
    iv: b64(IV),
    ephemeralKey: null,
    note,
    secret: null,
    envelope: b64(envelope),
  };
}

async function sealedSuccess(name: string, description: string, secret: Secret): Promise<RequestVector> {
  const inbox = await deriveInboxKeys(INBOX_A);
  const envelope = await sealTo(inbox.publicKey, secret, { ephemeralKey: EPHEMERAL, iv: IV });
  return {
    name,
    description,
    kind: 'sealed',
    expect: 'success',
    error: null,
    ...(await keyFields(INBOX_A)),
    iv: b64(IV),
    ephemeralKey: b64(EPHEMERAL),
    note: null,
    secret: secretJson(secret),
    envelope: b64(envelope),
  };
}

async function failure(
  kind: RequestVector['kind'],
  name: string,
  description: string,
  expect: Exclude<Expect, 'success'>,
  error: string,
  envelope: Uint8Array,
  inboxKey = INBOX_A,
): Promise<RequestVector> {
  return {
    name,
    description,
    kind,
    expect,
    error,
    ...(await keyFields(inboxKey)),
    iv: null,
    ephemeralKey: null,
    note: null,
    secret: null,
    envelope: b64(envelope),
  };
}

/** A request envelope around any payload, correctly encrypted: only the payload checks catch it. */
async function requestAround(payload: Uint8Array): Promise<Uint8Array> {
  const { requestKey } = await deriveInboxKeys(INBOX_A);
  const { aesKey } = await deriveRequestKeys(requestKey);
  return aeadSeal(aesKey, concat(Uint8Array.of(2, 0), IV), padPayload(payload));
}

/** Builds every vector, in order. */
export async function buildRequestVectors(): Promise<RequestVector[]> {
  const request = await requestSuccess('request', 'A request with a two-line non-ASCII note.', NOTE);
  const requestBytes = Uint8Array.from(Buffer.from(request.envelope, 'base64url'));
  const inboxB = await deriveInboxKeys(INBOX_B);
  const otherRequest = await sealRequest(
    { note: NOTE, publicKey: inboxB.publicKey },
    await deriveRequestKeys(inboxB.requestKey),
    { iv: IV },
  );
  const sealed = await sealedSuccess('sealed', 'An answer of two lines of text, sealed to the requester.', ANSWER);
  const sealedBytes = Uint8Array.from(Buffer.from(sealed.envelope, 'base64url'));
  const { publicKey } = await deriveInboxKeys(INBOX_A);

  return [
    request,
    await requestSuccess('request-empty-note', 'A request without a note.', ''),
    await requestSuccess('request-longest-note', 'The longest note, 2000 bytes: padded to 2048.', 'n'.repeat(2000)),
    await failure('request', 'request-wrong-key', 'request opened with another inbox’s request key.', 'wrong key', 'decrypt_failed', requestBytes, INBOX_B),
    await failure(
      'request',
      'request-swapped',
      'What a server that hands out another requester’s request (with its own public key) gets: refused.',
      'wrong key',
      'decrypt_failed',
      otherRequest,
    ),
    await failure('request', 'request-tampered', 'request with one ciphertext bit flipped.', 'tampered', 'decrypt_failed', edit(requestBytes, (b) => (b[30]! ^= 1))),
    await failure('request', 'request-tampered-iv', 'request with one IV bit flipped.', 'tampered', 'decrypt_failed', edit(requestBytes, (b) => (b[2]! ^= 1))),
    await failure('request', 'request-type-1', 'request claiming to be a secret envelope (type 1).', 'malformed', 'unsupported', edit(requestBytes, (b) => (b[0] = 1))),
    await failure('request', 'request-reserved-flag', 'request with a reserved flag bit set.', 'malformed', 'unsupported', edit(requestBytes, (b) => (b[1] = 1))),
    await failure('request', 'request-truncated', 'request without its last byte: not a padded size.', 'malformed', 'malformed', requestBytes.subarray(0, -1)),
    await failure(
      'request',
      'request-too-long',
      'A request envelope padded beyond the longest note (4096 bytes of plaintext).',
      'malformed',
      'malformed',
      await requestAround(concat(publicKey, new Uint8Array(4000).fill(0x6e))),
    ),
    await failure(
      'request',
      'request-no-public-key',
      'A correctly encrypted request whose payload is 31 bytes: no room for the public key.',
      'malformed',
      'malformed',
      await requestAround(publicKey.subarray(0, 31)),
    ),
    await failure(
      'request',
      'request-note-invalid-utf8',
      'A correctly encrypted request whose note is a lone 0xFF byte.',
      'malformed',
      'malformed',
      await requestAround(concat(publicKey, Uint8Array.of(0xff))),
    ),
    await failure(
      'request',
      'request-note-too-long',
      'A correctly encrypted request whose note is 2001 bytes.',
      'malformed',
      'malformed',
      await requestAround(concat(publicKey, new Uint8Array(2001).fill(0x6e))),
    ),
    sealed,
    await sealedSuccess('sealed-text-and-files', 'An answer with text and two files (a binary one and an empty one).', ANSWER_WITH_FILES),
    await failure('sealed', 'sealed-wrong-inbox', 'sealed opened with another inbox key.', 'wrong key', 'decrypt_failed', sealedBytes, INBOX_B),
    await failure('sealed', 'sealed-tampered', 'sealed with one ciphertext bit flipped.', 'tampered', 'decrypt_failed', edit(sealedBytes, (b) => (b[60]! ^= 1))),
    await failure(
      'sealed',
      'sealed-tampered-ephemeral',
      'sealed with one bit of the ephemeral public key flipped: another shared secret.',
      'tampered',
      'decrypt_failed',
      edit(sealedBytes, (b) => (b[10]! ^= 1)),
    ),
    await failure(
      'sealed',
      'sealed-low-order-ephemeral',
      'sealed with an all-zero ephemeral public key (a low-order point): refused before decrypting.',
      'malformed',
      'malformed',
      edit(sealedBytes, (b) => b.fill(0, 2, 34)),
    ),
    await failure('sealed', 'sealed-type-1', 'sealed claiming to be a secret envelope (type 1).', 'malformed', 'unsupported', edit(sealedBytes, (b) => (b[0] = 1))),
    await failure('sealed', 'sealed-a-request', 'A request envelope offered as a sealed answer.', 'malformed', 'unsupported', requestBytes),
    await failure('sealed', 'sealed-reserved-flag', 'sealed with a reserved flag bit set.', 'malformed', 'unsupported', edit(sealedBytes, (b) => (b[1] = 0x40))),
    await failure('sealed', 'sealed-truncated', 'sealed without its last byte: not a padded size.', 'malformed', 'malformed', sealedBytes.subarray(0, -1)),
    await failure('sealed', 'sealed-header-only', 'Only the 46 header bytes.', 'malformed', 'malformed', sealedBytes.subarray(0, 46)),
  ];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const vectors = await buildRequestVectors();
  rmSync(REQUEST_VECTOR_DIR, { recursive: true, force: true });
  mkdirSync(REQUEST_VECTOR_DIR, { recursive: true });
  vectors.forEach((vector, i) => writeFileSync(join(REQUEST_VECTOR_DIR, vectorFileName(vector, i)), vectorFile(vector)));
  console.log(`wrote ${readdirSync(REQUEST_VECTOR_DIR).length} vectors to ${REQUEST_VECTOR_DIR}`);
}
