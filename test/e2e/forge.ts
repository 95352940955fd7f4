/**
 * Stores secrets from Node exactly as a client does (same envelope module, same API
 * client), for states the page cannot produce itself: hostile file names, damaged
 * ciphertext.
 */
import { ApiClient } from '../../web/src/lib/api.js';
import { deriveKeys, newLinkKey, proofHash, seal, type Secret } from '../../web/src/lib/envelope.js';
import { secretLink } from '../../web/src/lib/link.js';

export interface StoreOptions {
  passphrase?: string;
  views?: number;
  /** Seconds; 1 hour when left out. */
  expiresIn?: number;
  /** Flips a bit of the ciphertext after sealing, so it no longer decrypts. */
  tamper?: boolean;
}

/** Seals and stores a secret; returns its link. */
export async function storeSecret(origin: string, secret: Secret, options: StoreOptions = {}): Promise<string> {
  const linkKey = newLinkKey();
  const keys = await deriveKeys(linkKey, options.passphrase);
  const envelope = await seal(secret, keys);
  if (options.tamper) envelope[envelope.length - 1]! ^= 1;
  const { id } = await new ApiClient(origin).create({
    envelope,
    accessHash: await proofHash(keys.access),
    ...(keys.unlock && { unlockHash: await proofHash(keys.unlock) }),
    expiresIn: options.expiresIn ?? 3600,
    views: options.views ?? 1,
  });
  return secretLink(origin, id, linkKey);
}

/** Bytes of a text, for file contents. */
export const bytes = (text: string) => new TextEncoder().encode(text);
