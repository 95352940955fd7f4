/**
 * Types, errors and sizes of the envelope module; re-exported by envelope.ts. The link
 * parser takes its sizes from here, so a page that only reads links (the status page)
 * does not load the envelope's code.
 */

/** Every secret format envelope.ts opens, newest first: links made before version 2 keep working. */
export const SECRET_FORMAT_VERSIONS: readonly number[] = [2, 1];
export const LINK_KEY_BYTES = 32;

export interface SecretFile {
  name: string;
  type: string;
  bytes: Uint8Array;
}

/** What a sender shares: text plus zero or more files, all of it encrypted. */
export interface Secret {
  text: string;
  files: SecretFile[];
}

/**
 * Why an envelope could not be opened. `decrypt_failed` covers a wrong link key, a
 * wrong passphrase and tampering alike: AES-GCM cannot tell them apart, and neither
 * should we.
 */
export type EnvelopeErrorCode = 'malformed' | 'unsupported' | 'passphrase_mismatch' | 'decrypt_failed';

export class EnvelopeError extends Error {
  constructor(
    readonly code: EnvelopeErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'EnvelopeError';
  }
}

/** Why a passphrase was refused (docs/FORMAT.md §2.1); `invisible` covers formatting characters and line separators. */
export type PassphraseProblem = 'empty' | 'control' | 'invisible';

/** The passphrase is empty or holds characters the format refuses. */
export class PassphraseError extends Error {
  constructor(
    readonly problem: PassphraseProblem,
    message: string,
    /** The refused character as `U+XXXX`, so a page can name it in its own language. */
    readonly codePoint?: string,
  ) {
    super(message);
    this.name = 'PassphraseError';
  }
}
