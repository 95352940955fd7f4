/**
 * The recipient's side, as a state machine: loading → ready → revealing → revealed,
 * or gone, a broken link, undecryptable, a wrong passphrase (retype), locked, or an error.
 * Loading looks at the secret with the access proof and burns nothing; only reveal()
 * burns a view.
 */
import { ApiError, type ApiClient, type SecretStatus } from '../lib/api.js';
import { deriveKeys, open, PassphraseError, type Secret, type SecretKeys } from '../lib/envelope.js';
import { LinkError, parseSecretLocation } from '../lib/link.js';

export type RevealPhase =
  /** Asking the server whether the secret is there. */
  | { name: 'loading' }
  /** There, waiting for the recipient to press Reveal. */
  | { name: 'ready'; status: SecretStatus }
  | { name: 'revealing'; status: SecretStatus }
  /** The passphrase was wrong; nothing was burned and it can be retyped. */
  | { name: 'wrong_passphrase'; status: SecretStatus; attemptsLeft: number }
  | { name: 'revealed'; secret: Secret; viewsLeft: number }
  /** Viewed, expired, burned or never existed: one answer for all of them. */
  | { name: 'gone' }
  /** The link has no key or a damaged one; nothing was sent to the server. */
  | { name: 'broken_link'; missingKey: boolean }
  /** Too many wrong passphrases: the server destroyed the secret. */
  | { name: 'locked' }
  /** Fetched (so burned) but it would not decrypt: a damaged link or changed data. */
  | { name: 'undecryptable' }
  /** Anything else; with `status` the reveal form stays so the recipient can retry. */
  | { name: 'error'; message: string; status?: SecretStatus };

export interface RevealLocation {
  pathname: string;
  hash: string;
  /** Takes the key out of the address bar once the secret is shown. */
  forgetKey(): void;
}

export class RevealFlow {
  phase = $state<RevealPhase>({ name: 'loading' });
  passphrase = $state('');

  /** The secret's status while the reveal form is on screen. */
  readonly status = $derived('status' in this.phase ? this.phase.status : undefined);
  readonly busy = $derived(this.phase.name === 'loading' || this.phase.name === 'revealing');

  #link?: { id: string; linkKey: Uint8Array; keys: SecretKeys };

  constructor(
    private readonly api: ApiClient,
    private readonly location: RevealLocation,
  ) {}

  /** Reads the link and asks for the status; never burns anything. */
  async load(): Promise<void> {
    this.phase = { name: 'loading' };
    if (!this.#link) {
      try {
        const { id, linkKey } = parseSecretLocation(this.location.pathname, this.location.hash);
        this.#link = { id, linkKey, keys: await deriveKeys(linkKey) };
      } catch (error) {
        this.phase =
          error instanceof LinkError
            ? { name: 'broken_link', missingKey: error.code === 'missing_key' }
            : { name: 'error', message: 'This browser could not derive the keys from the link.' };
        return;
      }
    }
    try {
      const status = await this.api.status(this.#link.id, this.#link.keys.access);
      this.phase = { name: 'ready', status };
    } catch (error) {
      this.phase = this.#failed(error);
    }
  }

  /** Fetches the ciphertext (burning one view) and decrypts it here. */
  async reveal(): Promise<void> {
    const status = this.status;
    const link = this.#link;
    if (!status || !link || this.phase.name === 'revealing') return;
    let keys = link.keys;
    if (status.passphrase) {
      if (this.passphrase === '') {
        this.phase = { name: 'error', message: 'Type the passphrase first.', status };
        return;
      }
      this.phase = { name: 'revealing', status };
      try {
        keys = await deriveKeys(link.linkKey, this.passphrase);
      } catch (error) {
        // The sender could not have set such a passphrase: it is wrong, and no attempt is spent.
        const message =
          error instanceof PassphraseError
            ? `${error.message} Check what you typed.`
            : 'This browser could not derive the keys from the passphrase.';
        this.phase = { name: 'error', message, status };
        return;
      }
    }
    this.phase = { name: 'revealing', status };
    let envelope: Uint8Array;
    let viewsLeft: number;
    try {
      ({ envelope, viewsLeft } = await this.api.reveal(link.id, keys));
    } catch (error) {
      this.phase = this.#failed(error, status);
      return;
    }
    try {
      const secret = await open(envelope, keys);
      this.phase = { name: 'revealed', secret, viewsLeft };
    } catch {
      this.phase = { name: 'undecryptable' };
    }
    // Shown (or spent) now: the key has no further use here.
    this.passphrase = '';
    this.#link = undefined;
    link.linkKey.fill(0);
    this.location.forgetKey();
  }

  #failed(error: unknown, status?: SecretStatus): RevealPhase {
    if (error instanceof ApiError) {
      if (error.status === 404) return { name: 'gone' };
      if (error.status === 403 && error.code === 'wrong_passphrase' && status) {
        const attemptsLeft = error.attemptsLeft ?? 0;
        if (attemptsLeft <= 0) return { name: 'locked' };
        return { name: 'wrong_passphrase', status: { ...status, attemptsLeft }, attemptsLeft };
      }
      if (error.status === 0) {
        return { name: 'error', message: 'Cannot reach the server. Check your connection and try again.', status };
      }
      if (error.status === 429) {
        return { name: 'error', message: 'Too many attempts from here just now. Wait a minute and try again.', status };
      }
      return { name: 'error', message: `The server could not answer: ${error.message}`, status };
    }
    return { name: 'error', message: 'Something went wrong. Please try again.', status };
  }
}
