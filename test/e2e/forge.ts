/**
 * Stores secrets and requests from Node exactly as a client does (same modules, same
 * API client), for states the page cannot produce itself (hostile file names, damaged
 * ciphertext, a swapped request) or that a test reaches faster this way.
 */
import { ApiClient } from '../../web/src/lib/api.js';
import { deriveKeys, newLinkKey, proofHash, seal, type Secret } from '../../web/src/lib/envelope.js';
import { inboxLink, receiptLink, requestLink, secretLink } from '../../web/src/lib/link.js';
import { deriveInboxKeys, deriveRequestKeys, newInboxKey, sealRequest } from '../../web/src/lib/request.js';
import { sealTo } from '../../web/src/lib/sealed.js';

export interface StoreOptions {
  passphrase?: string;
  views?: number;
  /** Seconds; 1 hour when left out. */
  expiresIn?: number;
  /** Flips a bit of the ciphertext after sealing, so it no longer decrypts. */
  tamper?: boolean;
  /** 1: sealed in format 1 with a `#1.` link, as a page made before format 2 did. */
  format?: 1;
}

/** Seals and stores a secret; returns its link. */
export async function storeSecret(origin: string, secret: Secret, options: StoreOptions = {}): Promise<string> {
  return (await storeSecretLinks(origin, secret, options)).link;
}

/** Seals and stores a secret; returns its link and the sender's receipt link. */
export async function storeSecretLinks(
  origin: string,
  secret: Secret,
  options: StoreOptions = {},
): Promise<{ link: string; receiptLink: string }> {
  const linkKey = newLinkKey();
  const keys = await deriveKeys(linkKey, options.passphrase);
  const envelope = await seal(secret, keys, { version: options.format });
  if (options.tamper) envelope[envelope.length - 1]! ^= 1;
  const { id, manageToken } = await new ApiClient(origin).create({
    envelope,
    accessHash: await proofHash(keys.access),
    ...(keys.unlock && { unlockHash: await proofHash(keys.unlock) }),
    expiresIn: options.expiresIn ?? 3600,
    views: options.views ?? 1,
  });
  const link = secretLink(origin, id, linkKey);
  return {
    link: options.format ? link.replace('#2.', `#${options.format}.`) : link,
    receiptLink: receiptLink(origin, id, manageToken),
  };
}

/** Bytes of a text, for file contents. */
export const bytes = (text: string) => new TextEncoder().encode(text);

/** A request stored from Node as the requester's page stores it; its two links, and a way to answer it. */
export async function storeRequest(origin: string, note: string, options: { expiresIn?: number } = {}) {
  const api = new ApiClient(origin);
  const inbox = await deriveInboxKeys(newInboxKey());
  const request = await deriveRequestKeys(inbox.requestKey);
  const { id } = await api.createRequest({
    envelope: await sealRequest({ note, publicKey: inbox.publicKey }, request),
    accessHash: await proofHash(request.access),
    inboxHash: await proofHash(inbox.proof),
    expiresIn: options.expiresIn ?? 3600,
  });
  return {
    requestLink: requestLink(origin, id, inbox.requestKey),
    inboxLink: inboxLink(origin, id, inbox.inboxKey),
    /** Answers it as the responder's page does. */
    answer: async (secret: Secret) => api.answer(id, request.access, await sealTo(inbox.publicKey, secret)),
  };
}

/**
 * A request whose envelope does not open with its link's key (what a server swapping
 * envelopes would hand out): the access proof is right, the envelope is another's.
 */
export async function storeSwappedRequest(origin: string): Promise<string> {
  const inbox = await deriveInboxKeys(newInboxKey());
  const request = await deriveRequestKeys(inbox.requestKey);
  const other = await deriveRequestKeys((await deriveInboxKeys(newInboxKey())).requestKey);
  const { id } = await new ApiClient(origin).createRequest({
    envelope: await sealRequest({ note: 'not for you', publicKey: inbox.publicKey }, other),
    accessHash: await proofHash(request.access),
    inboxHash: await proofHash(inbox.proof),
    expiresIn: 3600,
  });
  return requestLink(origin, id, inbox.requestKey);
}
