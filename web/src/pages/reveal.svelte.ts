/**
 * The recipient's side, as a state machine: loading → ready → revealing → revealed,
 * or gone, a broken link, undecryptable, a wrong passphrase (retype), locked, or an error.
 * Loading looks at the secret with the access proof and burns nothing; only reveal()
 * burns a view.
 */
import type { ApiClient, SecretStatus } from '../lib/api.js';
import type { Secret } from '../lib/envelope.js';
import { deriveKeys, type SecretKeys } from '../lib/envelope-keys.js';
import { PassphraseError } from '../lib/envelope-types.js';
import { withSafeNames } from '../lib/file-names.js';
import { LinkError, parseSecretLocation, type LinkErrorCode } from '../lib/link.js';
import { apiProblem } from '../lib/problems.js';
import { commonProblem, type CommonProblem } from './problems.js';
import { RevealMemory } from './reveal-memory.js';
import { revealedView } from './revealed-view.js';
import { envelopeCode } from './envelope-code.js';

/** Why the reveal form could not go on; each code is the key of its message in the catalogs (reveal.problems). */
export type RevealProblem =
  | { code: 'passphraseEmpty' }
  | { code: 'passphraseControl' }
  | { code: 'passphraseInvisible'; codePoint: string }
  | { code: 'noKeys' }
  | CommonProblem;

export type RevealPhase =
  /** Asking the server whether the secret is there. */
  | { name: 'loading' }
  /** There, waiting for the recipient to press Reveal. */
  | { name: 'ready'; status: SecretStatus }
  | { name: 'revealing'; status: SecretStatus }
  /** The passphrase was wrong; nothing was burned and it can be retyped. */
  | { name: 'wrong_passphrase'; status: SecretStatus; attemptsLeft: number }
  | { name: 'revealed'; secret: Secret; viewsLeft: number }
  /**
   * Viewed, expired, burned or never existed: the server gives one answer for all of
   * them. `expired` when this tab knows the expiry has passed (it saw the status
   * earlier), `opened` otherwise.
   */
  | { name: 'gone'; why: 'opened' }
  | { name: 'gone'; why: 'expired'; expiresAt: number }
  /** This tab revealed the secret's last view earlier (reload, Back, the link again). */
  | { name: 'opened_here' }
  /** The link has no key, a damaged one, or one of a newer format; nothing was sent to the server. */
  | { name: 'broken_link'; reason: LinkErrorCode }
  /** Reloaded (or reached by Back) after an earlier load took the key out of the address bar. */
  | { name: 'reopened' }
  /** Too many wrong passphrases: the server destroyed the secret. */
  | { name: 'locked' }
  /** Fetched (so burned) but it would not decrypt: a damaged link or changed data. */
  | { name: 'undecryptable' }
  /** Anything else; with `status` the reveal form stays so the recipient can retry. */
  | { name: 'error'; problem: RevealProblem; status?: SecretStatus };

/** Where the page was opened: the key is already out of the address bar (takeFragment). */
export interface RevealLocation {
  /** The address's host, which the page shows the recipient to compare with their link. */
  host: string;
  pathname: string;
  hash: string;
  reopened: boolean;
}

export class RevealFlow {
  phase = $state<RevealPhase>({ name: 'loading' });
  passphrase = $state('');

  /** The secret's status while the reveal form is on screen. */
  readonly status = $derived('status' in this.phase ? this.phase.status : undefined);
  readonly busy = $derived(this.phase.name === 'loading' || this.phase.name === 'revealing');
  /**
   * The page says who runs the site, with "What is this?" (AboutThisSite): for a recipient
   * deciding whether to trust it, not beside a revealed secret. The footer then leaves the
   * operator out, so the name is said once.
   */
  readonly showsAbout = $derived(this.phase.name !== 'loading' && this.phase.name !== 'revealed');

  #link?: { id: string; linkKey: Uint8Array; keys: SecretKeys };
  readonly host: string;
  readonly #pathname: string;
  readonly #reopened: boolean;
  readonly #memory: RevealMemory;
  readonly #now: () => number;
  readonly #resultView: { load(): Promise<unknown> };
  readonly #envelopeCode: { load(): Promise<Pick<typeof import('../lib/envelope.js'), 'open'>> };
  /** The fragment, until the secret is shown; then nothing here holds the key any more. */
  #hash: string;

  constructor(
    private readonly api: ApiClient,
    { host, pathname, hash, reopened }: RevealLocation,
    {
      memory = new RevealMemory(),
      now = Date.now,
      resultView = revealedView,
      opening = envelopeCode,
    }: {
      memory?: RevealMemory;
      now?: () => number;
      /** What shows the secret: fetched at Reveal, and needed before a view is burned. */
      resultView?: { load(): Promise<unknown> };
      /** The envelope's code that opens it: fetched at Reveal too, the keys' code being loaded already. */
      opening?: { load(): Promise<Pick<typeof import('../lib/envelope.js'), 'open'>> };
    } = {},
  ) {
    this.#memory = memory;
    this.#now = now;
    this.#resultView = resultView;
    this.#envelopeCode = opening;
    this.host = host;
    this.#pathname = pathname;
    this.#hash = hash;
    this.#reopened = reopened;
  }

  /** Reads the link and asks for the status; never burns anything. */
  async load(): Promise<void> {
    this.phase = { name: 'loading' };
    if (!this.#link) {
      try {
        const { id, linkKey } = parseSecretLocation(this.#pathname, this.#hash);
        this.#link = { id, linkKey, keys: await deriveKeys(linkKey) };
      } catch (error) {
        if (!(error instanceof LinkError)) this.phase = { name: 'error', problem: { code: 'noKeys' } };
        // No secret ever had such an id: the one answer for every id that leads nowhere (DESIGN §1).
        else if (error.code === 'bad_id') this.phase = { name: 'gone', why: 'opened' };
        else if (error.code === 'missing_key' && (this.#reopened || this.#seenHere())) {
          this.phase = this.#reopenedPhase();
        } else this.phase = { name: 'broken_link', reason: error.code };
        return;
      }
    }
    const { id } = this.#link;
    try {
      const status = await this.api.status(id, this.#link.keys.access);
      this.#memory.noteStatus(id, status.expiresAt);
      this.phase = { name: 'ready', status };
    } catch (error) {
      this.phase = this.#failed(error, id);
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
        this.phase = { name: 'error', problem: { code: 'passphraseEmpty' }, status };
        return;
      }
      this.phase = { name: 'revealing', status };
      try {
        keys = await deriveKeys(link.linkKey, this.passphrase);
      } catch (error) {
        // The sender could not have set such a passphrase: it is wrong, and no attempt is spent.
        this.phase = { name: 'error', problem: passphraseProblem(error), status };
        return;
      }
    }
    this.phase = { name: 'revealing', status };
    let envelope: Uint8Array;
    let viewsLeft: number;
    let open: (typeof import('../lib/envelope.js'))['open'];
    try {
      // A secret the page could not open and show would be burned for nothing: no view is spent without them.
      [{ open }] = await Promise.all([this.#envelopeCode.load(), this.#resultView.load()]);
      ({ envelope, viewsLeft } = await this.api.reveal(link.id, keys));
    } catch (error) {
      this.phase = this.#failed(error, link.id, status);
      return;
    }
    this.#memory.noteRevealed(link.id, viewsLeft);
    try {
      this.phase = { name: 'revealed', secret: withSafeNames(await open(envelope, keys)), viewsLeft };
    } catch {
      this.phase = { name: 'undecryptable' };
    }
    // Shown (or spent) now: the key has no further use here.
    this.passphrase = '';
    this.#link = undefined;
    this.#hash = '';
    link.linkKey.fill(0);
  }

  /** The path's id, valid whenever the link's key is what is missing (a bad id is `bad_id`). */
  #pathId(): string {
    return this.#pathname.split('/')[2] ?? '';
  }

  /** This tab saw the secret's status before: the key it lacks now, this page took out itself. */
  #seenHere(): boolean {
    return Object.keys(this.#memory.recall(this.#pathId())).length > 0;
  }

  /**
   * A reload or Back found no key: what this tab remembers of the id says whether it
   * revealed the secret, or saw it expire, before the key was taken.
   */
  #reopenedPhase(): RevealPhase {
    const gone = this.#gone(this.#pathId());
    return gone.name === 'gone' && gone.why === 'opened' ? { name: 'reopened' } : gone;
  }

  /** What to say of a secret the server no longer has, from what this tab remembers of it. */
  #gone(id: string, expiresAt?: number): RevealPhase {
    const remembered = this.#memory.recall(id);
    if (remembered.revealed === 'last') return { name: 'opened_here' };
    const until = expiresAt ?? remembered.expiresAt;
    if (until !== undefined && this.#now() >= until) return { name: 'gone', why: 'expired', expiresAt: until };
    return { name: 'gone', why: 'opened' };
  }

  #failed(error: unknown, id: string, status?: SecretStatus): RevealPhase {
    const problem = apiProblem(error);
    if (problem?.code === 'gone') return this.#gone(id, status?.expiresAt);
    if (problem?.code === 'wrongPassphrase' && status) {
      const { attemptsLeft } = problem;
      if (attemptsLeft <= 0) return { name: 'locked' };
      return { name: 'wrong_passphrase', status: { ...status, attemptsLeft }, attemptsLeft };
    }
    return { name: 'error', problem: commonProblem(error), status };
  }
}

/** What to tell the recipient about a passphrase that deriveKeys refused, before any request. */
function passphraseProblem(error: unknown): RevealProblem {
  if (!(error instanceof PassphraseError)) return { code: 'noKeys' };
  if (error.problem === 'invisible') return { code: 'passphraseInvisible', codePoint: error.codePoint ?? '' };
  return { code: error.problem === 'empty' ? 'passphraseEmpty' : 'passphraseControl' };
}
