/**
 * What a request or sealed-answer vector gives when run through the client library:
 * the keys derived from its inbox key, what opening its envelope yields (or the error
 * code), and, for success vectors, the bytes sealing its inputs gives again. The same
 * function runs in Node (test/web/request.vectors.test.ts) and, bundled, in Chromium
 * (test/e2e/envelope.browser.test.ts); the tests compare its result with the vector.
 */
import { decodeBase64Url as d, encodeBase64Url as b64 } from '../../web/src/lib/base64url.js';
import { EnvelopeError, proofHash } from '../../web/src/lib/envelope.js';
import { deriveInboxKeys, deriveRequestKeys, openRequest, sealRequest } from '../../web/src/lib/request.js';
import { openSealed, sealTo } from '../../web/src/lib/sealed.js';
import type { RequestVector } from './request-vector.js';

export interface RequestVectorResult {
  name: string;
  keys: Pick<RequestVector, 'publicKey' | 'requestKey' | 'proof' | 'proofHash' | 'access' | 'accessHash'>;
  opened: Pick<RequestVector, 'note' | 'secret'>;
  error: string | null;
  /** Sealing the vector's inputs again; null for failure vectors. */
  sealed: string | null;
}

/** Runs one vector through the client library. */
export async function runRequestVector(v: RequestVector): Promise<RequestVectorResult> {
  const inbox = await deriveInboxKeys(d(v.inboxKey, 32));
  const request = await deriveRequestKeys(inbox.requestKey);
  const keys = {
    publicKey: b64(inbox.publicKey),
    requestKey: b64(inbox.requestKey),
    proof: b64(inbox.proof),
    proofHash: b64(await proofHash(inbox.proof)),
    access: b64(request.access),
    accessHash: b64(await proofHash(request.access)),
  };
  const envelope = d(v.envelope);
  const opened: RequestVectorResult['opened'] = { note: null, secret: null };
  let error: string | null = null;
  try {
    if (v.kind === 'request') {
      const content = await openRequest(envelope, request);
      if (b64(content.publicKey) !== keys.publicKey) throw new Error('the request carries another public key');
      opened.note = content.note;
    } else {
      const secret = await openSealed(envelope, inbox);
      opened.secret = {
        text: secret.text,
        files: secret.files.map((f) => ({ name: f.name, type: f.type, bytes: b64(f.bytes) })),
      };
    }
  } catch (e) {
    error = e instanceof EnvelopeError ? e.code : `unexpected: ${String(e)}`;
  }
  let sealed: string | null = null;
  if (v.expect === 'success' && v.kind === 'request') {
    sealed = b64(await sealRequest({ note: v.note!, publicKey: inbox.publicKey }, request, { iv: d(v.iv!, 12) }));
  } else if (v.expect === 'success') {
    const secret = { text: v.secret!.text, files: v.secret!.files.map((f) => ({ ...f, bytes: d(f.bytes) })) };
    sealed = b64(await sealTo(inbox.publicKey, secret, { ephemeralKey: d(v.ephemeralKey!, 32), iv: d(v.iv!, 12) }));
  }
  return { name: v.name, keys, opened, error, sealed };
}
