/**
 * The keys of a secret envelope (docs/FORMAT.md §2): what a link key, and a passphrase,
 * derive. envelope.ts re-exports all of it; the reveal page loads this at once, to show
 * the server its access proof, and envelope.ts only when the secret is revealed.
 */
import { EnvelopeError, LINK_KEY_BYTES, PassphraseError } from './envelope-types.js';
import { concat, hkdf, hkdfAesKey, hkdfKey, label } from './primitives.js';

const PBKDF2_ITERATIONS = 600_000;
const utf8 = new TextEncoder();
const LABEL_PBKDF2_SALT = label('burnlink/v1 pbkdf2 salt');
const LABEL_ACCESS = label('burnlink/v1 access proof');
const LABEL_UNLOCK = label('burnlink/v1 unlock proof');
const LABEL_AES_KEY = label('burnlink/v1 aes-256-gcm key');

/** Everything derived from a link key (and passphrase) that sealing and opening need. */
export interface SecretKeys {
  readonly linkKey: Uint8Array;
  readonly passphrase: boolean;
  /** Shown to the server at status and reveal; derived from the link key alone. */
  readonly access: Uint8Array;
  /** Shown to the server at reveal when a passphrase is set. */
  readonly unlock?: Uint8Array;
  readonly aesKey: CryptoKey;
}

/** A fresh random link key: one per envelope, never reused. */
export function newLinkKey(): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(LINK_KEY_BYTES));
}

/**
 * The characters of categories Cf, Zl and Zp in Unicode 17.0, except U+200C and U+200D
 * (docs/FORMAT.md §2.1). Written out rather than `\p{Cf}`, which grows with each
 * runtime's Unicode version: a browser and the CLI must refuse exactly the same ones.
 */
const INVISIBLE =
  /[\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b\u200e\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\u{110bd}\u{110cd}\u{13430}-\u{1343f}\u{1bca0}-\u{1bca3}\u{1d173}-\u{1d17a}\u{e0001}\u{e0020}-\u{e007f}]/u;

/**
 * RFC 8265 OpaqueString, as far as every runtime agrees on it: non-ASCII spaces become
 * U+0020, then NFC; empty input, control characters, lone surrogates and invisible or
 * formatting characters (INVISIBLE) are refused. No trimming: a space typed on purpose
 * is part of the passphrase.
 */
export function normalizePassphrase(passphrase: string): string {
  const normalized = passphrase.replace(/\p{Zs}/gu, ' ').normalize('NFC');
  if (normalized.length === 0) throw new PassphraseError('empty', 'The passphrase is empty.');
  if (/[\p{Cc}\p{Cs}]/u.test(normalized)) {
    throw new PassphraseError('control', 'The passphrase contains control characters.');
  }
  const invisible = INVISIBLE.exec(normalized)?.[0];
  if (invisible !== undefined) {
    const codePoint = `U+${invisible.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    throw new PassphraseError(
      'invisible',
      `The passphrase contains an invisible or formatting character (${codePoint}).`,
      codePoint,
    );
  }
  return normalized;
}

/** Derives the proofs and the AES key from a link key and an optional passphrase. */
export async function deriveKeys(linkKey: Uint8Array, passphrase?: string): Promise<SecretKeys> {
  if (linkKey.length !== LINK_KEY_BYTES) {
    throw new EnvelopeError('malformed', `a link key is ${LINK_KEY_BYTES} bytes`);
  }
  const linkIkm = await hkdfKey(linkKey);
  const access = await hkdf(linkIkm, LABEL_ACCESS);
  if (passphrase === undefined) {
    return { linkKey, passphrase: false, access, aesKey: await hkdfAesKey(linkIkm, LABEL_AES_KEY) };
  }
  const stretched = await stretch(normalizePassphrase(passphrase), await hkdf(linkIkm, LABEL_PBKDF2_SALT));
  const bothIkm = await hkdfKey(concat(linkKey, stretched));
  return {
    linkKey,
    passphrase: true,
    access,
    unlock: await hkdf(bothIkm, LABEL_UNLOCK),
    aesKey: await hkdfAesKey(bothIkm, LABEL_AES_KEY),
  };
}

/** SHA-256 of a proof: what the sender gives the server at creation. */
export async function proofHash(proof: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', proof as BufferSource));
}

async function stretch(passphrase: string, salt: Uint8Array): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', utf8.encode(passphrase) as BufferSource, 'PBKDF2', false, [
    'deriveBits',
  ]);
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations: PBKDF2_ITERATIONS },
    key,
    256,
  );
  return new Uint8Array(bits);
}
