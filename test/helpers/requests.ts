/** A requester's and a responder's side of one request, with real keys and envelopes, for API tests. */
import type { FastifyInstance } from 'fastify';
import { encodeBase64Url as b64 } from '../../web/src/lib/base64url.js';
import { proofHash, type Secret } from '../../web/src/lib/envelope.js';
import {
  deriveInboxKeys,
  deriveRequestKeys,
  newInboxKey,
  sealRequest,
  type InboxKeys,
  type RequestKeys,
} from '../../web/src/lib/request.js';
import { sealTo } from '../../web/src/lib/sealed.js';
import { jsonOf } from './json.js';

export interface TestRequest {
  inbox: InboxKeys;
  request: RequestKeys;
  /** The body of POST /api/requests. */
  body: { ciphertext: string; accessHash: string; inboxHash: string };
  /** base64url proofs, as sent at status/answer (access) and inbox/reveal (proof). */
  access: string;
  proof: string;
}

/** Keys, a request envelope with `note`, and the create body: what the requester's page makes. */
export async function newTestRequest(note = 'Please send the card number.'): Promise<TestRequest> {
  const inbox = await deriveInboxKeys(newInboxKey());
  const request = await deriveRequestKeys(inbox.requestKey);
  const envelope = await sealRequest({ note, publicKey: inbox.publicKey }, request);
  return {
    inbox,
    request,
    body: {
      ciphertext: b64(envelope),
      accessHash: b64(await proofHash(request.access)),
      inboxHash: b64(await proofHash(inbox.proof)),
    },
    access: b64(request.access),
    proof: b64(inbox.proof),
  };
}

/** A sealed answer to the request, as the responder's page makes it, in base64url. */
export async function sealedAnswer(test: TestRequest, secret: Secret = { text: 'the answer', files: [] }) {
  return b64(await sealTo(test.inbox.publicKey, secret));
}

/** Creates the request through `inject`; throws unless the server answers 201. */
export async function createTestRequest(app: FastifyInstance, extra: Record<string, unknown> = {}, note?: string) {
  const test = await newTestRequest(note);
  const res = await app.inject({ method: 'POST', url: '/api/requests', payload: { ...test.body, ...extra } });
  if (res.statusCode !== 201) throw new Error(`create request answered ${res.statusCode}: ${res.body}`);
  return { ...test, ...jsonOf(res, 'createRequest', 201) };
}
