/**
 * The responder's side of a request, as a state machine: loading → ready → sending →
 * sent, or answered (by someone), gone, a broken link, an unreadable request, or an
 * error. Loading reads the request (note and public key) with the request link's
 * proof and changes nothing; only send() stores the one answer, sealed here to the
 * public key that came, authenticated, from inside the request envelope.
 */
import type { ApiClient, Limits } from '../lib/api.js';
import { EnvelopeError } from '../lib/envelope-types.js';
import { LinkError, parseKeyedLocation, type LinkErrorCode } from '../lib/link.js';
import { apiProblem } from '../lib/problems.js';
import { deriveRequestKeys, openRequest, type RequestKeys } from '../lib/request.js';
import { sealedEnvelopeSize, sealTo } from '../lib/sealed.js';
import { UnreadableFileError } from './attachments.svelte.js';
import { commonProblem, storeProblem, type CommonProblem, type StoreProblem } from './problems.js';
import { SecretContent } from './secret-content.svelte.js';

/** Why the answer was not sent; each code is the key of its message in the catalogs (answer.problems). */
export type AnswerProblem =
  | { code: 'empty' }
  | { code: 'tooLarge'; size: number; max: number }
  | { code: 'fileUnreadable'; name: string }
  | StoreProblem
  | CommonProblem;

/** What the request asks, once read. */
export interface OpenRequest {
  note: string;
  expiresAt: number;
}

export type AnswerPhase =
  | { name: 'loading' }
  | { name: 'ready'; request: OpenRequest; failure?: AnswerProblem }
  | { name: 'sending'; request: OpenRequest }
  | { name: 'sent' }
  /** Someone has answered it already (perhaps this person, in another tab). */
  | { name: 'answered' }
  /** Expired, or never existed: one answer for both. */
  | { name: 'gone' }
  | { name: 'broken_link'; reason: LinkErrorCode; reopened: boolean }
  /** The request envelope would not open: a damaged link or a changed request. Nothing may be sent. */
  | { name: 'undecryptable' }
  | { name: 'error'; problem: CommonProblem };

export interface AnswerLocation {
  pathname: string;
  /** The fragment as the page was opened; the address bar no longer holds it. */
  hash: string;
  reopened: boolean;
}

export class AnswerFlow {
  readonly content = new SecretContent(sealedEnvelopeSize);
  phase = $state<AnswerPhase>({ name: 'loading' });
  limits = $state.raw<Limits>();
  /** Whether the responder has tried to send: field problems show from then on. */
  attempted = $state(false);

  readonly request = $derived('request' in this.phase ? this.phase.request : undefined);
  readonly sizeProblem = $derived<AnswerProblem | undefined>(
    this.limits && this.content.sealedSize > this.limits.maxSecretBytes
      ? { code: 'tooLarge', size: this.content.sealedSize, max: this.limits.maxSecretBytes }
      : undefined,
  );
  readonly formProblem = $derived<AnswerProblem | undefined>(
    this.attempted ? (this.content.empty ? { code: 'empty' } : this.sizeProblem) : undefined,
  );

  #link?: { id: string; keys: RequestKeys; publicKey?: Uint8Array };

  constructor(
    private readonly api: ApiClient,
    private readonly location: AnswerLocation,
  ) {}

  /** Reads the link and the request; changes nothing on the server. */
  async load(): Promise<void> {
    this.phase = { name: 'loading' };
    void this.#loadLimits();
    if (!this.#link) {
      try {
        const { id, key } = parseKeyedLocation('q', this.location.pathname, this.location.hash);
        this.#link = { id, keys: await deriveRequestKeys(key) };
      } catch (error) {
        if (!(error instanceof LinkError)) throw error;
        // No request ever had such an id: the answer for every id that leads nowhere.
        this.phase =
          error.code === 'bad_id'
            ? { name: 'gone' }
            : { name: 'broken_link', reason: error.code, reopened: this.location.reopened };
        return;
      }
    }
    try {
      const status = await this.api.requestStatus(this.#link.id, this.#link.keys.access);
      if (status.state === 'answered' || !status.envelope) {
        this.phase = { name: 'answered' };
        return;
      }
      const { note, publicKey } = await openRequest(status.envelope, this.#link.keys);
      this.#link.publicKey = publicKey;
      this.phase = { name: 'ready', request: { note, expiresAt: status.expiresAt } };
    } catch (error) {
      this.phase = this.#failed(error);
    }
  }

  /** Seals the text and files to the requester and sends them: the one answer. */
  async send(): Promise<void> {
    const request = this.request;
    const link = this.#link;
    if (!request || !link?.publicKey || this.phase.name === 'sending') return;
    this.attempted = true;
    if (!this.limits) await this.#loadLimits();
    if (this.formProblem) {
      this.phase = { name: 'ready', request };
      return;
    }
    this.phase = { name: 'sending', request };
    try {
      const envelope = await sealTo(link.publicKey, await this.content.read());
      await this.api.answer(link.id, link.keys.access, envelope);
      this.content.clear();
      this.#link = undefined;
      this.phase = { name: 'sent' };
    } catch (error) {
      if (error instanceof UnreadableFileError) {
        this.phase = { name: 'ready', request, failure: { code: 'fileUnreadable', name: error.fileName } };
        return;
      }
      const failed = this.#failed(error);
      if (failed.name === 'error') {
        // Worth another try: what was typed stays.
        this.phase = { name: 'ready', request, failure: storeProblem(error) ?? failed.problem };
        return;
      }
      // Answered by someone else, or gone: nothing typed here can be sent any more.
      this.content.clear();
      this.phase = failed;
    }
  }

  async #loadLimits(): Promise<void> {
    try {
      this.limits ??= await this.api.limits();
    } catch {
      // The server's own check still refuses what is too large (413).
    }
  }

  #failed(error: unknown): AnswerPhase {
    if (error instanceof EnvelopeError) return { name: 'undecryptable' };
    const code = apiProblem(error)?.code;
    if (code === 'gone') return { name: 'gone' };
    if (code === 'alreadyAnswered') return { name: 'answered' };
    return { name: 'error', problem: commonProblem(error) };
  }
}
