/**
 * The requester's inbox, as a state machine: loading → shown (open, answered, read or
 * expired) → revealing → revealed, or gone, a broken link, undecryptable, or an error.
 * Loading looks with the inbox proof and changes nothing; only reveal() fetches the
 * answer, which the server then destroys. The tab remembers that it read it (only that),
 * so a reload or Back says so instead of calling the link (its key taken) damaged.
 */
import type { ApiClient, Inbox } from '../lib/api.js';
import type { Secret } from '../lib/envelope.js';
import { withSafeNames } from '../lib/file-names.js';
import { LinkError, parseKeyedLocation, requestLink, type LinkErrorCode } from '../lib/link.js';
import { apiProblem } from '../lib/problems.js';
import { deriveInboxKeys, openInboxNote, type InboxKeys } from '../lib/request.js';
import { openSealed } from '../lib/sealed.js';
import { commonProblem, type CommonProblem } from './problems.js';
import { RevealMemory } from './reveal-memory.js';
import { secretContents } from './secret-contents-part.js';

export type InboxPhase =
  | { name: 'loading' }
  | { name: 'shown'; inbox: Inbox; failure?: CommonProblem }
  | { name: 'revealing'; inbox: Inbox }
  | { name: 'revealed'; secret: Secret }
  /** This tab revealed the answer before a reload or Back: it is gone from the server. */
  | { name: 'opened_here' }
  /** Wrong link, or the inbox's retention ended. */
  | { name: 'gone' }
  | { name: 'broken_link'; reason: LinkErrorCode; reopened: boolean }
  /** Fetched (so destroyed) but it would not open. */
  | { name: 'undecryptable' }
  | { name: 'error'; problem: CommonProblem };

export interface InboxLocation {
  pathname: string;
  origin: string;
  /** The fragment as the page was opened; the address bar no longer holds it. */
  hash: string;
  reopened: boolean;
}

export class InboxFlow {
  phase = $state<InboxPhase>({ name: 'loading' });
  /** The note the requester wrote, read from the request envelope while the server keeps it. */
  note = $state<string>();
  /** The request link, made again from the inbox key, to send once more if need be. */
  requestLink = $state<string>();

  readonly inbox = $derived('inbox' in this.phase ? this.phase.inbox : undefined);
  readonly busy = $derived(this.phase.name === 'loading' || this.phase.name === 'revealing');

  #link?: { id: string; keys: InboxKeys };

  constructor(
    private readonly api: ApiClient,
    private readonly location: InboxLocation,
    {
      memory = new RevealMemory(undefined, 'inbox'),
      resultView = secretContents,
    }: {
      memory?: RevealMemory;
      /** What shows the answer: fetched at Reveal, and needed before the server destroys it. */
      resultView?: { load(): Promise<unknown> };
    } = {},
  ) {
    this.memory = memory;
    this.resultView = resultView;
  }

  private readonly memory: RevealMemory;
  private readonly resultView: { load(): Promise<unknown> };

  /** Reads the link and the inbox; changes nothing on the server. */
  async load(): Promise<void> {
    if (!this.#link) {
      try {
        const { id, key } = parseKeyedLocation('i', this.location.pathname, this.location.hash);
        this.#link = { id, keys: await deriveInboxKeys(key) };
        this.requestLink = requestLink(this.location.origin, id, this.#link.keys.requestKey);
      } catch (error) {
        if (!(error instanceof LinkError)) throw error;
        // No request ever had such an id: the answer for every id that leads nowhere.
        if (error.code === 'bad_id') this.phase = { name: 'gone' };
        // The key this page took out of the address bar itself, after the answer was read here.
        else if (error.code === 'missing_key' && this.memory.recall(this.location.pathname.split('/')[2]!).revealed) {
          this.phase = { name: 'opened_here' };
        } else this.phase = { name: 'broken_link', reason: error.code, reopened: this.location.reopened };
        return;
      }
    }
    if (this.phase.name !== 'shown') this.phase = { name: 'loading' };
    try {
      const inbox = await this.api.inbox(this.#link.id, this.#link.keys.proof);
      if (inbox.envelope && this.note === undefined) this.note = await openInboxNote(inbox.envelope, this.#link.keys);
      this.phase = { name: 'shown', inbox };
    } catch (error) {
      this.phase = this.#failed(error);
    }
  }

  /** Fetches the answer (the server destroys it) and decrypts it here. */
  async reveal(): Promise<void> {
    const inbox = this.inbox;
    const link = this.#link;
    if (!inbox || !link || this.phase.name === 'revealing') return;
    this.phase = { name: 'revealing', inbox };
    let envelope: Uint8Array;
    try {
      // An answer the page could not show would be destroyed for nothing.
      await this.resultView.load();
      envelope = await this.api.revealAnswer(link.id, link.keys.proof);
    } catch (error) {
      // Read elsewhere meanwhile, or not answered after all: show what the inbox says now.
      const code = apiProblem(error)?.code;
      if (code === 'gone' || code === 'notAnswered') return this.load();
      this.phase = { name: 'shown', inbox, failure: commonProblem(error) };
      return;
    }
    this.memory.noteRevealed(link.id, 0);
    try {
      this.phase = { name: 'revealed', secret: withSafeNames(await openSealed(envelope, link.keys)) };
    } catch {
      this.phase = { name: 'undecryptable' };
    }
  }

  #failed(error: unknown): InboxPhase {
    if (apiProblem(error)?.code === 'gone') return { name: 'gone' };
    return { name: 'error', problem: commonProblem(error) };
  }
}
